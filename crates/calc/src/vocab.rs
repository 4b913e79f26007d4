//! The vocabulary of calculations: English, Chinese and Arabic words and symbols, each
//! with the token it stands for. Number words are merged into numbers by `lex`.

use crate::expr::{Angle, Func as F, TimeUnit};
use crate::lex::{Tok, Verb as V};

/// Phrases and the token each stands for. Multi-word phrases are matched longest first.
pub(crate) fn entries() -> Vec<(&'static str, Tok)> {
    use Tok::*;
    let mut v: Vec<(&'static str, Tok)> = Vec::new();
    let mut add = |words: &[&'static str], t: Tok| v.extend(words.iter().map(|w| (*w, t.clone())));
    add(
        &[
            "what",
            "what's",
            "whats",
            "there",
            "calculate",
            "calc",
            "compute",
            "evaluate",
            "work out",
            "figure out",
            "solve",
            "how much",
            "please",
            "pls",
            "plz",
            "equals",
            "equal to",
            "equal",
            "=",
            "the",
            "tell me",
            "can you",
            "could you",
            "would you",
            "will you",
            "me",
            "give me",
            "i need",
            "do you know",
            "hey",
            "ok",
            "okay",
            "so",
            "then",
            "now",
            "just",
            "quickly",
            "exactly",
            "precisely",
            "result of",
            "the result of",
            "the value of",
            "value of",
            "the answer to",
            "answer to",
            "take",
            "?",
            ".",
            ":",
            "…",
            "let's",
            "let us",
            "find",
            "get",
            "and then",
            // Chinese
            "请",
            "计算",
            "算",
            "算一下",
            "一下",
            "帮我",
            "帮",
            "求",
            "呢",
            "吗",
            "等于",
            "多少",
            "等于多少",
            "是多少",
            "几",
            "等于几",
            "的值",
            "得",
            "。",
            // Arabic
            "كم",
            "ما",
            "هو",
            "هي",
            "ماهو",
            "ماهي",
            "يساوي",
            "تساوي",
            "احسب",
            "من فضلك",
            "لو سمحت",
            "ناتج",
            "حاصل",
            "قيمة",
        ],
        Filler,
    );
    add(&["is", "are", "was", "是"], Is);
    add(
        &[
            "that",
            "it",
            "this",
            "that number",
            "the result",
            "result",
            "the answer",
            "answer",
            "ans",
            "the previous result",
            "previous result",
            "the last result",
            "last result",
            "the previous answer",
            "previous answer",
            "the last answer",
            "last answer",
            "它",
            "结果",
            "这个",
            "上一个结果",
            "النتيجة",
            "الناتج",
            "ذلك",
        ],
        Prev,
    );
    add(&["pi", "π", "圆周率"], Pi);
    add(&["mod", "modulo"], Mod);
    add(&["point"], NwPoint);
    add(&["squareroot"], Sqrt);
    add(&["للعدد", "العدد"], Of);
    add(&["+", "plus", "added to", "加", "加上", "زائد"], Plus);
    add(
        &["-", "minus", "less", "take away", "减", "减去", "ناقص"],
        Minus,
    );
    add(
        &[
            "*",
            "x",
            "×",
            "times",
            "multiplied by",
            "multiplied with",
            "乘",
            "乘以",
            "ضرب",
            "ضرب في",
            "مضروب في",
            "مضروبا في",
            "مضروبة في",
        ],
        Times,
    );
    add(
        &[
            "/",
            "÷",
            "divided by",
            "over",
            "除以",
            "مقسوم على",
            "مقسوما على",
            "مقسومة على",
            "قسمة على",
        ],
        Div,
    );
    add(
        &[
            "^",
            "* *",
            "to the power of",
            "to the power",
            "raised to the power of",
            "raised to the power",
            "raised to",
            "power",
            "اس",
            "مرفوع للقوة",
            "مرفوعا للقوة",
        ],
        Pow,
    );
    add(&["squared", "²", "平方", "تربيع"], Squared);
    add(&["cubed", "³", "立方", "تكعيب"], Cubed);
    add(
        &[
            "%",
            "percent",
            "per cent",
            "pct",
            "بالمئة",
            "بالمائة",
            "في المئة",
            "في المائة",
            "٪",
        ],
        Percent,
    );
    add(&["百分之"], PctPrefix);
    add(&["of", "ل", "لل", "من"], Of);
    add(&["off"], Off);
    add(&["除"], ChuAlone);
    add(&["的"], De);
    add(&["次方", "次幂"], CiFang);
    add(&["(", "[", "{"], LParen);
    add(&[")", "]", "}"], RParen);
    add(&[",", "、"], Comma);
    add(&["!"], Bang);
    add(
        &[
            "square root",
            "sqrt",
            "√",
            "平方根",
            "根号",
            "开方",
            "الجذر التربيعي",
            "جذر",
            "الجذر",
        ],
        Sqrt,
    );
    add(&["root"], Root);
    add(
        &[
            "cube root",
            "cubic root",
            "cbrt",
            "∛",
            "立方根",
            "الجذر التكعيبي",
        ],
        Cbrt,
    );
    add(&["fourth root"], RootN(4));
    add(&["fifth root"], RootN(5));
    add(&["sixth root"], RootN(6));
    add(&["th", "st", "nd", "rd"], OrdSuffix);
    add(
        &["ln", "natural log", "natural logarithm", "log e"],
        Func(F::Ln),
    );
    add(
        &[
            "log",
            "log10",
            "log base 10",
            "logarithm",
            "common log",
            "lg",
        ],
        Func(F::Log10),
    );
    add(&["log2", "log base 2", "binary log"], Func(F::Log2));
    add(&["exp", "e to the", "e to the power of"], Func(F::Exp));
    add(&["sin", "sine"], Func(F::Sin(Angle::Radians)));
    add(&["cos", "cosine"], Func(F::Cos(Angle::Radians)));
    add(&["tan", "tangent"], Func(F::Tan(Angle::Radians)));
    add(&["abs", "absolute value", "absolute"], Func(F::Abs));
    add(&["round", "rounded", "round off"], Func(F::Round));
    add(&["floor", "round down"], Func(F::Floor));
    add(&["ceil", "ceiling", "round up"], Func(F::Ceil));
    add(&["factorial"], Func(F::Factorial));
    add(&["lower of", "the lower of"], Func(F::Min));
    add(&["higher of", "the higher of", "higher"], Func(F::Max));
    add(
        &["min", "minimum", "smaller", "smallest", "lesser"],
        Func(F::Min),
    );
    add(
        &["max", "maximum", "larger", "largest", "greater", "bigger"],
        Func(F::Max),
    );
    add(&["average", "mean", "avg"], Func(F::Mean));
    add(&["degrees", "degree", "deg", "°"], Degrees);
    add(&["radians", "radian", "rad"], Radians);
    add(
        &[
            "decimal places",
            "decimal place",
            "decimals",
            "dp",
            "places",
        ],
        DecimalPlaces,
    );
    add(
        &["seconds", "second", "secs", "sec", "秒", "秒钟"],
        Unit(TimeUnit::Second),
    );
    add(
        &["minutes", "minute", "mins", "分钟"],
        Unit(TimeUnit::Minute),
    );
    add(
        &["hours", "hour", "hrs", "hr", "小时", "个小时"],
        Unit(TimeUnit::Hour),
    );
    add(&["days", "day", "天"], Unit(TimeUnit::Day));
    add(
        &["weeks", "week", "周", "星期", "个星期"],
        Unit(TimeUnit::Week),
    );
    add(
        &[
            "months",
            "month",
            "years",
            "year",
            "yrs",
            "yr",
            "decade",
            "decades",
            "century",
            "centuries",
            "月",
            "个月",
            "年",
        ],
        BadUnit,
    );
    add(&["how many", "有多少", "是多少个"], HowMany);
    add(&["in", "within"], In);
    add(&["to", "into"], To);
    add(&["by"], By);
    add(&["from"], From);
    add(&["and", "with", "و"], And);
    add(
        &[
            "what percent",
            "what percentage",
            "what %",
            "what per cent",
            "which percentage",
        ],
        WhatPct,
    );
    add(
        &[
            "as a percent of",
            "as a percentage of",
            "as a % of",
            "as % of",
            "as percent of",
            "as percentage of",
            "as a per cent of",
        ],
        AsPctOf,
    );
    add(&["add", "sum up"], Verb(V::Add));
    add(&["subtract", "deduct", "take off"], Verb(V::Subtract));
    add(&["multiply"], Verb(V::Multiply));
    add(&["divide"], Verb(V::Divide));
    add(&["square", "the square of", "square of"], Verb(V::Square));
    add(&["cube", "the cube of", "cube of"], Verb(V::Cube));
    add(&["double", "twice"], Verb(V::Double));
    add(&["triple", "thrice"], Verb(V::Triple));
    add(&["halve"], Verb(V::Halve));
    add(&["increase", "raise", "grow"], Verb(V::Increase));
    add(
        &["decrease", "reduce", "lower", "cut", "discount"],
        Verb(V::Decrease),
    );
    add(&["sum", "total"], Verb(V::Sum));
    add(&["product"], Verb(V::Product));
    add(&["convert", "express"], Verb(V::Convert));
    let units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    for (i, w) in units.iter().enumerate() {
        add(&[w], NwUnit(i as i64));
    }
    let tens = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    for (i, w) in tens.iter().enumerate() {
        add(&[w], NwTens(20 + 10 * i as i64));
    }
    add(&["hundred"], NwHundred);
    add(&["thousand"], NwScale(1_000));
    add(&["million"], NwScale(1_000_000));
    add(&["billion"], NwScale(1_000_000_000));
    add(&["trillion"], NwScale(1_000_000_000_000));
    add(&["dozen"], NwScale(12));
    add(&["half", "halves"], NwFrac(2));
    add(&["third", "thirds"], NwFrac(3));
    add(&["quarter", "quarters", "fourths"], NwFrac(4));
    add(&["a", "an"], A);
    v
}
