// The tiny valid dataset shared by the store tests and the fuzz target (`include!`d by both).

pub(crate) const FILES: &[(&str, &str)] = &[
    ("retail/locations.csv", "location_id,name,city,kind\nWH-A,Alpha Warehouse,Beijing,warehouse\nWH-B,Beta Store,Shanghai,store\n"),
    ("retail/suppliers.csv", "supplier_id,name,lead_time_days,lead_time_std_days\nSUP-1,One Co.,5,1\nSUP-2,Two Co.,12,0\n"),
    (
        "retail/items.csv",
        "sku,name,category,brand,unit_cost,unit_price,supplier_id,pack_size,moq,order_cost,holding_cost_rate,service_level,color\n\
         SKU-1,Tea 500g,Drinks,Leaf,10,15.5,SUP-1,6,12,100,0.2,0.95,green\n\
         SKU-2,Soap 100g,Care,Suds,2.5,4,SUP-2,1,0,50,0.25,0.9,\n",
    ),
    (
        "retail/sales.csv",
        "date,sku,location_id,units\n2026-06-01,SKU-1,WH-A,3\n2026-06-01,SKU-2,WH-A,1\n2026-06-02,SKU-1,WH-B,2.5\n2026-06-29,SKU-1,WH-A,0\n",
    ),
    ("retail/inventory.csv", "sku,location_id,on_hand,as_of\nSKU-1,WH-A,40,2026-06-30\nSKU-2,WH-A,0,2026-06-30\nSKU-1,WH-B,7,2026-06-30\n"),
    ("retail/events.csv", "date,name\n2026-06-18,618\n"),
    (
        "retail/purchase_orders.csv",
        "po_id,sku,location_id,quantity,order_date,expected_date,status\nPO-1,SKU-1,WH-A,24,2026-06-20,2026-06-25,open\nPO-2,SKU-2,WH-A,10,2026-05-01,2026-05-13,received\n",
    ),
    (
        "network/nodes.csv",
        "node_id,kind,capacity,fixed_cost,name\nS1,supplier,100,,Farm\nP1,facility,80,500,Plant\nC1,customer,,,Shop\n",
    ),
    ("network/lanes.csv", "from,to,product,unit_cost,capacity\nS1,P1,raw,2,90\nP1,C1,,3,\nP1,C1,fine,2.5,\n"),
    ("network/demand.csv", "node_id,product,quantity\nC1,fine,30\n"),
    ("network/supply.csv", "node_id,product,quantity\nS1,raw,100\n"),
    ("network/processing.csv", "node_id,input,output,unit_cost\nP1,raw,fine,1.5\n"),
    ("network/settings.csv", "key,value\ninteger_flows,true\ndemand,exact\n"),
    (
        "funds/funds.csv",
        "fund_code,name,category,subcategory,risk_level,expense_ratio,inception_date,manager,company,aum,return_3y\n\
         F1,Calm Bond,bond,Short,1,0.003,2020-01-02,Li Wei,\"Calm Co., Ltd.\",12.5,\n\
         F2,Bold Equity,equity,,5,0.015,2024-02-29,,,,0.031\n",
    ),
    ("funds/fund_nav.csv", "fund_code,date,nav,adj_nav\nF1,2026-06-29,1.01,1.02\nF1,2026-06-30,1.02,1.03\n"),
];

