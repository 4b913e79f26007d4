//! Snapshots of rendered answers on the demo data: the words people read, checked
//! whole, so a change in wording or figures is a visible diff. Update with
//! `UPDATE_EXPECT=1 cargo test --release -p abacus-assistant`.

use abacus_assistant::{Assistant, State};
use expect_test::{expect, Expect};

use crate::open_demo;

fn check(questions: &[&str], expect: Expect) {
    let ds = open_demo();
    let a = Assistant::new(&ds).unwrap();
    let mut state = State::default();
    let mut out = String::new();
    for q in questions {
        let r = a.ask(q, &mut state);
        out.push_str(&format!("Q: {q}\n[{}] {}\n", r.status.name(), r.answer));
    }
    expect.assert_eq(&out);
}

#[test]
fn sales_totals_rankings_and_follow_ups() {
    check(
        &[
            "How many units did the Shanghai warehouse sell last month?",
            "and Beijing?",
            "Top 3 categories by revenue in Q1 2026",
        ],
        expect![[r#"
            Q: How many units did the Shanghai warehouse sell last month?
            [answered] All SKUs at WH-SH (Shanghai Qingpu Warehouse) sold 86,909 units from 2026-05-01 to 2026-05-31.
            Q: and Beijing?
            [answered] All SKUs at WH-BJ (Beijing Daxing Warehouse) sold 84,646 units from 2026-05-01 to 2026-05-31.
            Q: Top 3 categories by revenue in Q1 2026
            [answered] Top 3 categories by revenue from 2026-01-01 to 2026-03-31 for all SKUs across all locations: Kitchen Appliances (56,919,918.5), Electronics Accessories (22,827,736), Baby Care (21,042,653.8).
        "#]],
    );
}

#[test]
fn inventory_and_clarifications() {
    check(
        &[
            "What is the inventory position of SKU-20001 in Beijing?",
            "How many units of Dog Food 5kg did Wuhan sell last month?",
        ],
        expect![[r#"
            Q: What is the inventory position of SKU-20001 in Beijing?
            [answered] The inventory position of SKU-20001 (Volt Fox Phone Stand) at WH-BJ (Beijing Daxing Warehouse) is 22 units: 22 on hand plus 0 on open purchase orders, as of 2026-06-30.
            Q: How many units of Dog Food 5kg did Wuhan sell last month?
            [clarify] Which product do you mean: SKU-20008 (Whisker King Dog Food 5kg), or SKU-20061 (Happy Paw Dog Food 5kg), or SKU-20081 (Happy Paw Dog Food 5kg #81), or SKU-20097 (Happy Paw Dog Food 5kg #97), or SKU-20143 (Happy Paw Dog Food 5kg #143)?
        "#]],
    );
}

#[test]
fn funds_network_calculation_and_refusals() {
    check(
        &[
            "What is the 3-year Sharpe ratio of fund F0010?",
            "What does the optimal distribution plan cost?",
            "What is 17.5% of 2340?",
            "Book me a flight to Beijing",
            "How many units did Nanjing sell last month?",
        ],
        expect![[r#"
            Q: What is the 3-year Sharpe ratio of fund F0010?
            [answered] The 3-year Sharpe ratio of F0010 (Azure Sea Nonferrous Metals Bond) is 1.7578.
            Q: What does the optimal distribution plan cost?
            [answered] The optimal plan costs 32,781: lanes 11,926, processing 6,355, fixed costs 14,500; open facilities: Kunming Roastery, Wuhan Roastery; 20 lane flows carry product.
            Q: What is 17.5% of 2340?
            [answered] 17.5% of 2340 = 409.5
            Q: Book me a flight to Beijing
            [unsupported] That is outside what I can answer. I answer questions about your data: sales history (units, revenue, rankings, growth), inventory (on hand, open orders, position, stock value, days of cover), forecasts, stock-out risk, replenishment orders, inventory policy (safety stock, reorder point, EOQ), excess stock, forecast accuracy, the supply network (optimal plan and what-ifs), funds (metrics, screens, comparisons) and exact calculations.
            Q: How many units did Nanjing sell last month?
            [error] There is no location in Nanjing in this dataset. The closest are: Xi'an, Beijing, Chengdu, Guangzhou, Shanghai, Wuhan.
        "#]],
    );
}
