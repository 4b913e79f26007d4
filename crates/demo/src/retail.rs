//! The retail part of the demo: locations, suppliers, items, three years of daily
//! sales with weekly and yearly seasonality, Chinese retail events, promotions,
//! trends, slow movers, launches, discontinuations and stock-out runs; the
//! inventory snapshot, purchase orders and the event calendar.

use std::collections::HashSet;
use std::path::Path;

use abacus_core::calendar::chinese_new_year;
use abacus_core::date::iso;
use abacus_core::Date;
use chrono::{Datelike, Duration};
use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Gamma, LogNormal, Poisson};

use crate::{as_of, num, Out, Result, Stats};

const LOCATIONS: &[(&str, &str, &str, &str, f64)] = &[
    (
        "WH-BJ",
        "Beijing Daxing Warehouse",
        "Beijing",
        "warehouse",
        1.25,
    ),
    (
        "WH-SH",
        "Shanghai Qingpu Warehouse",
        "Shanghai",
        "warehouse",
        1.4,
    ),
    (
        "WH-GZ",
        "Guangzhou Huangpu Warehouse",
        "Guangzhou",
        "warehouse",
        1.1,
    ),
    (
        "WH-CD",
        "Chengdu Shuangliu Warehouse",
        "Chengdu",
        "warehouse",
        0.85,
    ),
    (
        "WH-WH",
        "Wuhan Dongxihu Warehouse",
        "Wuhan",
        "warehouse",
        0.75,
    ),
    (
        "DC-XA",
        "Xi'an Regional Distribution Centre",
        "Xi'an",
        "dc",
        0.5,
    ),
];

struct Category {
    name: &'static str,
    brands: &'static [&'static str],
    products: &'static [&'static str],
    price: (f64, f64),
    /// Amplitude and peak day-of-year of the yearly cycle.
    yearly: (f64, f64),
    /// Extra lift before Chinese New Year (gift season).
    cny_gift: f64,
    /// How strongly 618 and Double 11 lift sales (1 = typical).
    event: f64,
}

const CATEGORIES: &[Category] = &[
    Category {
        name: "Snacks",
        brands: &["Little Rabbit", "Golden Harvest", "Crispy Cloud"],
        products: &[
            "Rice Crackers 400g",
            "Spicy Peanuts 250g",
            "Seaweed Chips 60g",
            "Dried Mango 200g",
            "Mixed Nuts 500g",
            "Pork Floss Rolls 300g",
        ],
        price: (8.0, 60.0),
        yearly: (0.15, 30.0),
        cny_gift: 0.9,
        event: 0.8,
    },
    Category {
        name: "Beverages",
        brands: &["Red Lantern", "Mountain Spring", "Jade Leaf"],
        products: &[
            "Cola 330ml x24",
            "Oolong Tea 500ml x15",
            "Mineral Water 550ml x24",
            "Lemon Tea 250ml x24",
            "Coconut Water 1L",
        ],
        price: (20.0, 90.0),
        yearly: (0.35, 200.0),
        cny_gift: 0.6,
        event: 0.7,
    },
    Category {
        name: "Personal Care",
        brands: &["Steel Edge", "Silk Petal", "Ocean Breeze"],
        products: &[
            "Deodorant 50ml",
            "Shampoo 750ml",
            "Body Wash 1L",
            "Toothpaste 120g x3",
            "Face Cream 50g",
        ],
        price: (10.0, 160.0),
        yearly: (0.1, 210.0),
        cny_gift: 0.1,
        event: 1.2,
    },
    Category {
        name: "Household",
        brands: &["Clean Nest", "Bright Home", "Panda Care"],
        products: &[
            "Laundry Pods 60ct",
            "Dish Soap 1.5L",
            "Paper Towels 12 rolls",
            "Floor Cleaner 2L",
            "Trash Bags 100ct",
        ],
        price: (12.0, 80.0),
        yearly: (0.08, 60.0),
        cny_gift: 0.3,
        event: 1.0,
    },
    Category {
        name: "Baby Care",
        brands: &["Tiny Steps", "Moon Cradle"],
        products: &[
            "Diapers L 52ct",
            "Baby Wipes 80ct x6",
            "Infant Formula 900g",
            "Baby Lotion 200ml",
        ],
        price: (40.0, 280.0),
        yearly: (0.05, 100.0),
        cny_gift: 0.0,
        event: 1.4,
    },
    Category {
        name: "Kitchen Appliances",
        brands: &["Homely", "Iron Crane", "Zen Kitchen"],
        products: &[
            "Electric Hot Pot 3L",
            "Rice Cooker 4L",
            "Air Fryer 5L",
            "Soymilk Maker",
            "Electric Kettle 1.7L",
        ],
        price: (120.0, 900.0),
        yearly: (0.3, 15.0),
        cny_gift: 0.5,
        event: 2.0,
    },
    Category {
        name: "Electronics Accessories",
        brands: &["Volt Fox", "Sky Link", "Pixel Stone"],
        products: &[
            "USB-C Cable 2m",
            "Power Bank 20000mAh",
            "Wireless Earbuds",
            "Phone Stand",
            "65W Charger",
        ],
        price: (25.0, 400.0),
        yearly: (0.12, 330.0),
        cny_gift: 0.2,
        event: 2.2,
    },
    Category {
        name: "Frozen Food",
        brands: &["Snow Valley", "North Dumpling"],
        products: &[
            "Pork Dumplings 1kg",
            "Sesame Tangyuan 500g",
            "Shrimp Wontons 600g",
            "Beef Buns 480g",
        ],
        price: (18.0, 70.0),
        yearly: (0.4, 35.0),
        cny_gift: 1.3,
        event: 0.5,
    },
    Category {
        name: "Pet Supplies",
        brands: &["Happy Paw", "Whisker King"],
        products: &[
            "Cat Litter 10L",
            "Dog Food 5kg",
            "Cat Treats 100g",
            "Pet Shampoo 500ml",
        ],
        price: (15.0, 260.0),
        yearly: (0.07, 180.0),
        cny_gift: 0.0,
        event: 1.3,
    },
    Category {
        name: "Stationery",
        brands: &["Ink Bamboo", "Paper Crane"],
        products: &[
            "Gel Pens 12pk",
            "A4 Notebooks 5pk",
            "Desk Organizer",
            "Sticky Notes 12pk",
        ],
        price: (9.0, 120.0),
        yearly: (0.25, 245.0),
        cny_gift: 0.0,
        event: 0.9,
    },
];

const SUPPLIER_REGIONS: &[&str] = &[
    "Huabei",
    "Yangtze",
    "Pearl River",
    "Sichuan Basin",
    "Bohai",
    "Minjiang",
    "Central Plains",
    "Jiangnan",
    "Lingnan",
    "Qilu",
    "Hexi",
    "Dongting",
];
const SUPPLIER_KINDS: &[&str] = &[
    "Trading Co.",
    "Consumer Goods Ltd.",
    "Supply Chain Co.",
    "Manufacturing Ltd.",
    "Import & Export Co.",
    "Foods Co.",
];

/// Weekly profile Monday..Sunday.
const WEEKLY: [f64; 7] = [0.92, 0.88, 0.91, 0.96, 1.07, 1.18, 1.08];

#[derive(Clone, Copy, PartialEq)]
enum Life {
    Regular,
    Slow,
    New(Date),
    Discontinued(Date),
}

struct Sku {
    code: String,
    cat: usize,
    lead: f64,
    pack: u32,
    moq: u32,
    life: Life,
    growth: f64,
    promos: Vec<(Date, i64, f64)>,
    /// (location index, base daily rate)
    stocked: Vec<(usize, f64)>,
}

/// Multiplier of Chinese retail events on day `d` for a category.
fn event_lift(d: Date, cat: &Category) -> f64 {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let e = cat.event;
    let mut lift = 1.0;
    if m == 6 && (1..=17).contains(&day) {
        lift *= 1.0 + 0.25 * e;
    }
    if m == 6 && day == 18 {
        lift *= 1.0 + 2.2 * e;
    }
    if (m == 10 && day >= 25) || (m == 11 && day <= 10) {
        lift *= 1.0 + 0.3 * e;
    }
    if m == 11 && day == 11 {
        lift *= 1.0 + 4.0 * e;
    }
    if m == 11 && (12..=13).contains(&day) {
        lift *= 1.0 + 0.4 * e;
    }
    if m == 12 && day == 12 {
        lift *= 1.0 + 1.2 * e;
    }
    if m == 3 && day == 8 {
        lift *= 1.0 + 0.5 * e;
    }
    if let Some(cny) = chinese_new_year(y).or_else(|| chinese_new_year(y + 1)) {
        let k = (d - cny).num_days();
        if (-14..=-2).contains(&k) {
            lift *= 1.0 + cat.cny_gift;
        } else if (-1..=6).contains(&k) {
            lift *= 0.3;
        } else if (7..=14).contains(&k) {
            lift *= 0.7;
        }
    }
    lift
}

pub(crate) fn write(dir: &Path, scale: u32, rng: &mut ChaCha8Rng, stats: &mut Stats) -> Result<()> {
    let as_of = as_of();
    let start =
        Date::from_ymd_opt(as_of.year() - 3, as_of.month(), 1).expect("valid") + Duration::days(0);
    let days = (as_of - start).num_days() as usize; // sales up to the day before as-of

    let mut out = Out::create(
        dir,
        "locations.csv",
        &["location_id", "name", "city", "kind"],
    )?;
    for (id, name, city, kind, _) in LOCATIONS {
        out.row([*id, *name, *city, *kind])?;
    }
    out.finish()?;

    // Suppliers
    let n_suppliers = 24 + 6 * (scale as usize - 1).min(10);
    let mut suppliers = Vec::new();
    let mut out = Out::create(
        dir,
        "suppliers.csv",
        &[
            "supplier_id",
            "name",
            "lead_time_days",
            "lead_time_std_days",
        ],
    )?;
    for i in 0..n_suppliers {
        let lead: f64 = if i % 4 == 0 {
            rng.random_range(18..=40) as f64
        } else {
            rng.random_range(2..=14) as f64
        };
        let std = (lead * rng.random_range(0.08..0.3) * 10.0).round() / 10.0;
        let name = format!(
            "{} {}{}",
            SUPPLIER_REGIONS[i % SUPPLIER_REGIONS.len()],
            SUPPLIER_KINDS[(i / SUPPLIER_REGIONS.len() + i) % SUPPLIER_KINDS.len()],
            if i >= SUPPLIER_REGIONS.len() {
                format!(" ({})", i / SUPPLIER_REGIONS.len() + 1)
            } else {
                String::new()
            }
        );
        out.row([format!("SUP-{:02}", i + 1), name, num(lead, 1), num(std, 1)])?;
        suppliers.push(lead);
    }
    out.finish()?;

    // Items
    let n_skus = 150 * scale as usize;
    let mut names = HashSet::new();
    let mut skus = Vec::with_capacity(n_skus);
    let base_rate = LogNormal::new(14f64.ln(), 0.8).expect("valid");
    let mut out = Out::create(
        dir,
        "items.csv",
        &[
            "sku",
            "name",
            "category",
            "brand",
            "unit_cost",
            "unit_price",
            "supplier_id",
            "pack_size",
            "moq",
            "order_cost",
            "holding_cost_rate",
            "service_level",
        ],
    )?;
    for i in 0..n_skus {
        let cat_i = rng.random_range(0..CATEGORIES.len());
        let cat = &CATEGORIES[cat_i];
        let mut name;
        let mut tries = 0;
        loop {
            let brand = *cat.brands.choose(rng).expect("non-empty");
            let product = *cat.products.choose(rng).expect("non-empty");
            name = (brand, format!("{brand} {product}"));
            tries += 1;
            if names.insert(name.1.clone()) {
                break;
            }
            if tries > 20 {
                name.1 = format!("{} #{}", name.1, i + 1);
                names.insert(name.1.clone());
                break;
            }
        }
        let price = (rng.random_range(cat.price.0..cat.price.1) * 10.0).round() / 10.0;
        let cost = (price * rng.random_range(0.55..0.8) * 100.0).round() / 100.0;
        let supplier = rng.random_range(0..n_suppliers);
        let pack = *[1u32, 2, 4, 6, 6, 12, 12, 24, 24, 48]
            .choose(rng)
            .expect("non-empty");
        let moq = if rng.random_bool(0.5) {
            0
        } else {
            pack * rng.random_range(1..=5)
        };
        let life = match rng.random_range(0..100) {
            0..=14 => Life::Slow,
            15..=20 => Life::New(as_of - Duration::days(rng.random_range(30..330))),
            21..=25 => Life::Discontinued(as_of - Duration::days(rng.random_range(90..360))),
            _ => Life::Regular,
        };
        let mut stocked: Vec<(usize, f64)> = Vec::new();
        let all = rng.random_bool(0.6);
        for (li, loc) in LOCATIONS.iter().enumerate() {
            if all || rng.random_bool(0.55) || (li == LOCATIONS.len() - 1 && stocked.is_empty()) {
                let rate = match life {
                    Life::Slow => rng.random_range(0.04..0.6),
                    _ => base_rate.sample(rng) * loc.4 * rng.random_range(0.7..1.3),
                };
                stocked.push((li, rate));
            }
        }
        let mut promos = Vec::new();
        let mut d = start + Duration::days(rng.random_range(10..90));
        while d < as_of {
            promos.push((d, rng.random_range(3..=7), rng.random_range(1.4..2.2)));
            d += Duration::days(rng.random_range(80..200));
        }
        out.row([
            format!("SKU-{}", 20001 + i),
            name.1.clone(),
            cat.name.to_string(),
            name.0.to_string(),
            num(cost, 2),
            num(price, 2),
            format!("SUP-{:02}", supplier + 1),
            pack.to_string(),
            moq.to_string(),
            num(rng.random_range(1..=10) as f64 * 50.0, 0),
            num(*[0.15, 0.2, 0.25, 0.3].choose(rng).expect("non-empty"), 2),
            num(
                *[0.9, 0.95, 0.95, 0.97, 0.98, 0.99]
                    .choose(rng)
                    .expect("non-empty"),
                2,
            ),
        ])?;
        skus.push(Sku {
            code: format!("SKU-{}", 20001 + i),
            cat: cat_i,

            lead: suppliers[supplier],
            pack,
            moq,
            life,
            growth: rng.random_range(-0.25..0.45),
            promos,
            stocked,
        });
    }
    out.finish()?;
    stats.skus = n_skus;

    // Daily sales per series.
    let noise = Gamma::new(6.0, 1.0 / 6.0).expect("valid");
    let lift_by_day: Vec<Vec<f64>> = (0..CATEGORIES.len())
        .map(|c| {
            (0..days)
                .map(|t| event_lift(start + Duration::days(t as i64), &CATEGORIES[c]))
                .collect()
        })
        .collect();
    // (sku index, location index, daily units, mean of the last 28 days' rate)
    let mut series: Vec<(usize, usize, Vec<u32>, f64)> = Vec::new();
    for (si, sku) in skus.iter().enumerate() {
        let cat = &CATEGORIES[sku.cat];
        for &(li, rate) in &sku.stocked {
            let mut units = vec![0u32; days];
            let mut recent = 0.0;
            let mut stockout_until = 0usize;
            for (t, slot) in units.iter_mut().enumerate() {
                let d = start + Duration::days(t as i64);
                let alive = match sku.life {
                    Life::New(launch) => d >= launch,
                    Life::Discontinued(end) => d < end,
                    _ => true,
                };
                let years = t as f64 / 365.25;
                let doy = d.ordinal() as f64;
                let yearly = 1.0
                    + cat.yearly.0
                        * (2.0 * std::f64::consts::PI * (doy - cat.yearly.1) / 365.25).cos();
                let weekly = WEEKLY[d.weekday().num_days_from_monday() as usize];
                let promo = sku
                    .promos
                    .iter()
                    .find(|(p, len, _)| d >= *p && (d - *p).num_days() < *len)
                    .map_or(1.0, |p| p.2);
                let mut lam = rate
                    * (1.0 + sku.growth).powf(years - 1.5)
                    * yearly
                    * weekly
                    * lift_by_day[sku.cat][t]
                    * promo;
                if let Life::New(launch) = sku.life {
                    // A launch ramps up over its first eight weeks.
                    lam *= ((d - launch).num_days() as f64 / 56.0).clamp(0.1, 1.0);
                }
                if t + 28 >= days {
                    recent += lam / 28.0;
                }
                if !alive {
                    continue;
                }
                // Stock-out runs: regular sellers occasionally sell nothing for days.
                if t < stockout_until {
                    continue;
                }
                if sku.life != Life::Slow && rate > 3.0 && rng.random_bool(0.0015) {
                    stockout_until = t + rng.random_range(3..12);
                    continue;
                }
                let mean = if sku.life == Life::Slow {
                    lam
                } else {
                    lam * noise.sample(rng)
                };
                if mean > 0.0 {
                    *slot = Poisson::new(mean).map_or(0, |p| p.sample(rng) as u32);
                }
            }
            if matches!(sku.life, Life::Discontinued(_)) {
                recent = 0.0;
            }
            series.push((si, li, units, recent));
        }
    }

    let mut out = Out::create(dir, "sales.csv", &["date", "sku", "location_id", "units"])?;
    let mut rows = 0;
    for t in 0..days {
        let d = iso(start + Duration::days(t as i64));
        for (si, li, units, _) in &series {
            if units[t] > 0 {
                out.row([
                    d.as_str(),
                    skus[*si].code.as_str(),
                    LOCATIONS[*li].0,
                    units[t].to_string().as_str(),
                ])?;
                rows += 1;
            }
        }
    }
    out.finish()?;
    stats.sales_rows = rows;

    // Inventory snapshot: most items healthy, some about to run out, some overstocked.
    let mut out = Out::create(
        dir,
        "inventory.csv",
        &["sku", "location_id", "on_hand", "as_of"],
    )?;
    let mut positions = Vec::new();
    for (si, li, _, recent) in &series {
        let sku = &skus[*si];
        let days_of_stock = match rng.random_range(0..100) {
            0..=2 => 0.0,
            3..=14 => rng.random_range(0.0..(sku.lead * 0.6).max(1.0)),
            15..=24 => rng.random_range(120.0..300.0),
            _ => rng.random_range(sku.lead + 5.0..sku.lead + 50.0),
        };
        let on_hand = match sku.life {
            Life::Discontinued(_) => rng.random_range(0..400) as f64,
            Life::Slow => (recent * days_of_stock)
                .round()
                .max(rng.random_range(0..6) as f64),
            _ => (recent * days_of_stock).round(),
        };
        out.row([
            sku.code.as_str(),
            LOCATIONS[*li].0,
            num(on_hand, 0).as_str(),
            iso(as_of).as_str(),
        ])?;
        positions.push((*si, *li, *recent));
    }
    out.finish()?;

    // Purchase orders over the last year: received history, open orders (a few overdue), cancellations.
    let mut out = Out::create(
        dir,
        "purchase_orders.csv",
        &[
            "po_id",
            "sku",
            "location_id",
            "quantity",
            "order_date",
            "expected_date",
            "status",
        ],
    )?;
    let mut po = 0;
    for (si, li, recent) in positions {
        let sku = &skus[si];
        if recent <= 0.0 {
            continue;
        }
        let cycle = rng.random_range(25..60);
        let mut d = as_of - Duration::days(365 - rng.random_range(0..cycle));
        while d < as_of {
            let lead = (sku.lead + rng.random_range(-2.0..3.0)).max(1.0).round() as i64;
            let expected = d + Duration::days(lead);
            let raw = (recent * cycle as f64).max(f64::from(sku.moq)).max(1.0);
            let qty = (raw / f64::from(sku.pack)).ceil() * f64::from(sku.pack);
            let status = if expected < as_of {
                match rng.random_range(0..100) {
                    0..=2 => "cancelled",
                    3..=5 => "open", // overdue
                    _ => "received",
                }
            } else {
                "open"
            };
            po += 1;
            out.row([
                format!("PO-{:06}", po),
                sku.code.clone(),
                LOCATIONS[li].0.to_string(),
                num(qty, 0),
                iso(d),
                iso(expected),
                status.to_string(),
            ])?;
            d += Duration::days(cycle + rng.random_range(-5..6));
        }
    }
    out.finish()?;

    // The event calendar the sales above follow.
    let mut out = Out::create(dir, "events.csv", &["date", "name"])?;
    let mut events = abacus_core::calendar::builtin_events(start, as_of + Duration::days(365));
    for y in start.year()..=as_of.year() + 1 {
        if let Some(d) = Date::from_ymd_opt(y, 3, 8) {
            if d >= start && d <= as_of + Duration::days(365) {
                events.push((d, "Women's Day"));
            }
        }
    }
    events.sort();
    for (d, name) in events {
        out.row([iso(d).as_str(), name])?;
    }
    out.finish()
}
