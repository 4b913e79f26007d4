//! What the assistant knows about one loaded dataset: its catalog, the lexicon
//! built from it, and the dates questions are relative to.

use std::collections::HashMap;

use abacus_core::Date;
use abacus_nlu::lexicon::{Entity, Kind, Lexicon};
use abacus_store::model::Item;
use abacus_store::{Catalog, Dataset};

pub struct Context<'a> {
    pub ds: &'a Dataset,
    pub catalog: Catalog,
    pub lexicon: Lexicon,
    /// "Today" for relative dates: the retail as-of date, else the funds' as-of date.
    pub as_of: Date,
    pub items: HashMap<String, Item>,
    pub location_names: HashMap<String, String>,
    pub fund_names: HashMap<String, String>,
    /// The fund company of each fund that has one.
    pub fund_companies: HashMap<String, String>,
}

impl<'a> Context<'a> {
    pub fn new(ds: &'a Dataset) -> abacus_store::Result<Context<'a>> {
        let catalog = ds.catalog()?;
        let as_of = catalog
            .as_of
            .or(catalog.funds_as_of)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        let mut entities = Vec::new();
        let e = |kind, id: &str, names: Vec<String>| Entity {
            kind,
            id: id.to_string(),
            names,
            tag: None,
        };
        for i in &catalog.items {
            entities.push(e(Kind::Sku, &i.sku, vec![i.name.clone()]));
        }
        for l in &catalog.locations {
            entities.push(e(Kind::Location, &l.location_id, vec![l.name.clone()]));
        }
        for c in &catalog.categories {
            let mut names = vec![c.clone()];
            names.extend(category_translations(c).iter().map(|t| t.to_string()));
            entities.push(e(Kind::Category, c, names));
        }
        for b in &catalog.brands {
            entities.push(e(Kind::Brand, b, vec![b.clone()]));
        }
        for s in &catalog.suppliers {
            entities.push(e(Kind::Supplier, &s.supplier_id, vec![s.name.clone()]));
        }
        for (code, name, _) in &catalog.funds {
            entities.push(e(Kind::Fund, code, vec![name.clone()]));
        }
        // A node is also named by the words of its id or name that no other node's
        // names share ("Darjeeling" of "Darjeeling Estate", "Southport" of "Store
        // Southport"): people drop the generic part.
        let node_words = |n: &abacus_store::model::Node| -> Vec<String> {
            let mut w: Vec<String> = std::iter::once(&n.node_id)
                .chain(n.name.iter())
                .flat_map(|x| {
                    x.to_lowercase()
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            w.sort();
            w.dedup();
            w
        };
        let mut shared: HashMap<String, usize> = HashMap::new();
        for n in &catalog.nodes {
            for w in node_words(n) {
                *shared.entry(w).or_default() += 1;
            }
        }
        for n in &catalog.nodes {
            let mut names = vec![n.node_id.clone()];
            names.extend(n.name.clone());
            let mut aliases = Vec::new();
            for full in &names {
                let own: Vec<&str> = full
                    .split_whitespace()
                    .filter(|w| shared.get(&w.to_lowercase()) == Some(&1))
                    .collect();
                let distinctive = match own.as_slice() {
                    [] => false,
                    [one] => {
                        one.chars().filter(|c| c.is_alphabetic()).count() >= 4
                            && !matches!(
                                one.to_lowercase().as_str(),
                                "north"
                                    | "south"
                                    | "east"
                                    | "west"
                                    | "central"
                                    | "main"
                                    | "ltd"
                                    | "ltd."
                                    | "inc"
                                    | "inc."
                            )
                    }
                    _ => true,
                };
                let alias = own.join(" ");
                if distinctive && !names.contains(&alias) && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
            names.extend(aliases);
            entities.push(Entity {
                tag: Some(n.kind.clone()),
                ..e(Kind::Node, &n.node_id, names)
            });
        }
        for p in &catalog.products {
            entities.push(e(
                Kind::Product,
                p,
                vec![p.clone(), p.replace(['_', '-'], " ")],
            ));
        }
        let cities: Vec<(String, String)> = catalog
            .locations
            .iter()
            .map(|l| (l.location_id.clone(), l.city.clone()))
            .collect();
        let lexicon = Lexicon::new(entities, &cities);
        Ok(Context {
            ds,
            items: catalog
                .items
                .iter()
                .map(|i| (i.sku.clone(), i.clone()))
                .collect(),
            location_names: catalog
                .locations
                .iter()
                .map(|l| (l.location_id.clone(), l.name.clone()))
                .collect(),
            fund_names: catalog
                .funds
                .iter()
                .map(|(c, n, _)| (c.clone(), n.clone()))
                .collect(),
            fund_companies: catalog.fund_companies.iter().cloned().collect(),
            catalog,
            lexicon,
            as_of,
        })
    }

    /// "SKU-1 (Tea 500g)" for texts.
    pub fn label(&self, kind: Kind, id: &str) -> String {
        let name = match kind {
            Kind::Sku => self.items.get(id).map(|i| i.name.as_str()),
            Kind::Location => self.location_names.get(id).map(String::as_str),
            Kind::Fund => self.fund_names.get(id).map(String::as_str),
            _ => None,
        };
        match name {
            Some(n) if n != id => format!("{id} ({n})"),
            _ => id.to_string(),
        }
    }
}

/// Chinese and Arabic names of common retail categories, matched on the English name.
fn category_translations(english: &str) -> &'static [&'static str] {
    match english.to_lowercase().as_str() {
        "beverages" | "drinks" => &["饮料", "مشروبات"],
        "snacks" => &["零食", "休闲食品", "وجبات خفيفة"],
        "personal care" => &["个人护理", "个护", "العناية الشخصية"],
        "household" => &["家居", "家庭用品", "日用品", "أدوات منزلية"],
        "baby & mother" | "baby care" | "mother & baby" => &["母婴", "婴儿用品"],
        "kitchenware" => &["厨具", "厨房用品"],
        "kitchen appliances" => &["厨房电器"],
        "small appliances" => &["小家电"],
        "pet supplies" => &["宠物用品", "宠物"],
        "electronics accessories" => &["电子配件", "数码配件"],
        "frozen food" => &["冷冻食品", "速冻食品"],
        "stationery" => &["文具"],
        _ => &[],
    }
}
