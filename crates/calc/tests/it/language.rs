//! Natural-language forms: words, number words, follow-ups, typos, conversions,
//! Chinese and Arabic.

use super::*;

#[test]
fn english_phrasings() {
    check_exact(&[
        ("What is 143 times 7?", "1001"),
        ("calculate 12 plus 30", "42"),
        ("please compute 100 divided by 8", "12.5"),
        ("how much is 9 multiplied by 9?", "81"),
        ("what's 10 minus 4", "6"),
        ("20 less 3", "17"),
        ("3 over 4", "0.75"),
        ("2 to the power of 10", "1024"),
        ("2 raised to the power of 8", "256"),
        ("7 squared", "49"),
        ("3 cubed", "27"),
        ("what is 2x3", "6"),
        ("4 × 2.5", "10"),
        ("9 ÷ 4", "2.25"),
        ("the square root of 81", "9"),
        ("sqrt of 2.25", "1.5"),
        ("root 49", "7"),
        ("the sum of 1, 2 and 3", "6"),
        ("the product of 4 and 5", "20"),
        ("add 3 and 4", "7"),
        ("add 5 to 10", "15"),
        ("subtract 4 from 10", "6"),
        ("multiply 6 by 7", "42"),
        ("divide 10 by 4", "2.5"),
        ("square 12", "144"),
        ("double 21", "42"),
        ("halve 9", "4.5"),
        ("143 × 7 =", "1001"),
        ("2 + 2 equals", "4"),
    ]);
}

#[test]
fn number_words() {
    check_exact(&[
        ("twelve plus three", "15"),
        ("three hundred and five minus five", "300"),
        ("twenty-five times four", "100"),
        ("one thousand two hundred and thirty four plus one", "1235"),
        ("1.2 million divided by 4", "300000"),
        ("2.5 billion plus 1", "2500000001"),
        ("half of 30", "15"),
        ("a quarter of 200", "50"),
        ("two thirds of 90", "60"),
        ("three quarters of 100", "75"),
        ("one and a half times 4", "6"),
        ("a dozen times 3", "36"),
        ("a hundred plus one", "101"),
        ("ninety nine plus one", "100"),
        ("the square root of sixteen", "4"),
        ("zero plus 7", "7"),
        ("three point one four times 2", "6.28"),
        ("seventeen point five percent of 2340", "409.5"),
        ("one point two million plus 1", "1200001"),
    ]);
}

#[test]
fn follow_ups() {
    check_with_previous(&[
        ("1001", "divide that by 9", "111.2222222222222"),
        ("1001", "divide that by 7", "143"),
        ("12", "multiply it by 3", "36"),
        ("10", "add 5", "15"),
        ("10", "subtract 2", "8"),
        ("144", "take the square root of that", "12"),
        ("144", "the square root of that", "12"),
        ("50", "what is 10% of that?", "5"),
        ("6", "times 7", "42"),
        ("100", "divided by 8", "12.5"),
        ("5", "squared", "25"),
        ("2", "the result squared", "4"),
        ("9", "double it", "18"),
        ("200", "increase it by 15%", "230"),
        ("200", "increase by 15%", "230"),
        ("80", "decrease that by 25%", "60"),
        ("7", "add 3 to it", "10"),
        ("7", "subtract it from 10", "3"),
        ("10", "then divide by 4", "2.5"),
        ("0.1", "that plus 0.2", "0.3"),
    ]);
    // An approximate previous result stays approximate.
    let prev = value("sqrt(2)", None);
    let v = value("square it", Some(&prev));
    assert!(!v.is_exact());
    // Without a previous result, a reference to one is an error, not a guess.
    check_error(&[
        ("divide that by 9", Error::NoPrevious),
        ("the square root of that", Error::NoPrevious),
        ("add 5", Error::NoPrevious),
        ("times 3", Error::NoPrevious),
        ("increase it by 10%", Error::NoPrevious),
    ]);
    let prev = Number::integer(1001);
    let e = parse_question("divide that by 9", Some(&prev))
        .unwrap()
        .unwrap();
    assert!(e.uses_previous());
    assert_eq!(e.to_string(), "1001 ÷ 9");
}

#[test]
fn typos() {
    check_exact(&[
        ("sqquare root of 144", "12"),
        ("sqaure root of 144", "12"),
        ("squre root of 144", "12"),
        ("the sqare root of 81", "9"),
        ("6 multipled by 7", "42"),
        ("10 divded by 4", "2.5"),
        ("20 precent of 50", "10"),
        ("5 sqaured", "25"),
    ]);
}

#[test]
fn time_conversions() {
    // 365 × 24 × 60 = 525600; 7 × 86400 = 604800.
    check_exact(&[
        ("how many minutes are in 365 days", "525600"),
        ("how many seconds in a week", "604800"),
        ("how many hours are there in 3 weeks?", "504"),
        ("how many days in 36 hours", "1.5"),
        ("365 days in minutes", "525600"),
        ("convert 90 minutes to hours", "1.5"),
        ("2 hours and 30 minutes in minutes", "150"),
        ("a day is how many seconds", "86400"),
        ("how many minutes in a day", "1440"),
    ]);
    let c = calculate("how many seconds in a week", None)
        .unwrap()
        .unwrap();
    assert_eq!(c.expr.unit(), Some(abacus_calc::TimeUnit::Second));
    assert_eq!(c.to_string(), "1 week in seconds = 604800");
    // Months and years vary in length: an error that says so, not a guess.
    for q in ["how many days in a year", "how many hours are in 2 months"] {
        assert!(
            matches!(calculate(q, None), Some(Err(Error::Unsupported(_)))),
            "{q:?}"
        );
    }
}

#[test]
fn chinese() {
    check_exact(&[
        ("143乘以7等于多少", "1001"),
        ("143乘7", "1001"),
        ("10加5", "15"),
        ("10减3等于多少？", "7"),
        ("100除以8", "12.5"),
        ("144的平方根是多少", "12"),
        ("平方根144", "12"),
        ("2340的百分之17.5", "409.5"),
        ("百分之50乘以80", "40"),
        ("十二加三十", "42"),
        ("三百零五减五", "300"),
        ("一万二千除以四", "3000"),
        ("1.2万加1", "12001"),
        ("3的平方", "9"),
        ("2的10次方", "1024"),
        ("请计算 (1+2)×3", "9"),
        ("１２＋３４", "46"),
        ("三点五乘以二", "7"),
        ("一周有多少秒", "604800"),
    ]);
    // 除 alone is ambiguous (formally A除B = B ÷ A): an error that says so.
    assert!(matches!(
        calculate("5除2", None),
        Some(Err(Error::Unsupported(_)))
    ));
    check_text(&[("-5的平方", "(−5)^2 = 25"), ("-5 squared", "−5^2 = -25")]);
}

#[test]
fn arabic() {
    check_exact(&[
        ("كم يساوي 5 زائد 3؟", "8"),
        ("10 ناقص 4", "6"),
        ("6 ضرب 7", "42"),
        ("6 ضرب في 7", "42"),
        ("20 مقسوم على 4", "5"),
        ("20 مقسومًا على 8", "2.5"),
        ("الجذر التربيعي ل 144", "12"),
        ("الجذر التربيعي لـ١٤٤", "12"),
        ("١٢ زائد ٣٠", "42"),
        ("٢٫٥ ضرب ٤", "10"),
        ("ما هو ١٠٠ مقسوم على ٨", "12.5"),
        ("15٪ من 200", "30"),
        ("الجذر التربيعي للعدد 144", "12"),
    ]);
}
