import dataclasses
import json
import statistics
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze.sentences import Sentence, split_sentences

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED_000 = SHARED / "seeds" / "000_be3b13007542e3b8.txt"
SEED_003 = SHARED / "seeds" / "003_163b4c5298a4b073.txt"
EASC = SHARED / "data" / "easc-dev.jsonl"


def texts(body: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(body)]


# --- the seeds, checked by eye ------------------------------------------------


def test_seed_000_gives_the_sentences_an_editor_would():
    sentences = split_sentences(SEED_000.read_text(encoding="utf-8"))
    got = [s.text for s in sentences]
    assert len(got) == 17
    # The title, then title and subtitle on two lines without a final period.
    assert got[0] == got[1] == "الشيباني بحث ووزير إسرائيلي في باريس تفاهمات أمنية حول الجنوب السوري"
    assert got[2] == "دعم أميركي – فرنسي للمرحلة الانتقالية في سوريا"
    # Two quotations and an Arabic comma between them: one sentence.
    assert got[5] == (
        "وفي تغريدة عبر منصة “إكس”، قال براك: “اجتمعت هذا المساء مع مسؤولين سوريين ومسؤولين"
        " إسرائيليين في باريس”، مضيفًا أن “هدف الاجتماع هو الحوار ووقف التصعيد، وحققنا ذلك بالفعل”."
    )
    # A quotation that ends a sentence keeps its closing mark and the period after it.
    assert got[8].startswith("ونقل الموقع عن مسؤولين إسرائيليين قولهم إن “هدف الاجتماع")
    assert got[8].endswith("مثل تلك التي حدثت الأسبوع الماضي”.")
    assert got[9].startswith("وقال مسؤول إسرائيلي كبير إن الحكومة الإسرائيلية")
    assert sentences[8].paragraph == sentences[9].paragraph == 7
    assert got[15:] == ["Spread the love", "adel karroum"]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14]


def test_seed_003_keeps_quoted_words_inside_their_sentence():
    got = texts(SEED_003.read_text(encoding="utf-8"))
    assert len(got) == 12
    assert got[0] == "لقاء سوري – “صهيوني” في باريس بوساطة أميركية لمناقشة الوضع الأمني في الجنوب"
    # ”…” used as both opening and closing mark, glued to the prefix بـ.
    assert got[10].startswith("وفي سياق متصل، نقلت مصادر متقاطعة")
    assert got[10].endswith("لتهديد “إسرائيل”.")
    assert got[11] == "قد يعجبك ايضا"


# --- tricky cases ---------------------------------------------------------------

CASES = {
    "quotation continues after its inner period": (
        "قال براك: “اجتمعت هذا المساء. وحققنا ذلك”، مضيفًا أن الاجتماع ناجح. وانتهى اللقاء.",
        ["قال براك: “اجتمعت هذا المساء. وحققنا ذلك”، مضيفًا أن الاجتماع ناجح.", "وانتهى اللقاء."],
    ),
    "period after a closing quotation": (
        "حدثت الأسبوع الماضي”. وقال مسؤول إن الحكومة تأمل.",
        ["حدثت الأسبوع الماضي”.", "وقال مسؤول إن الحكومة تأمل."],
    ),
    "several sentences inside guillemets": (
        "قال: «نحن هنا. ولن نغادر. أبدًا.» ثم غادر القاعة.",
        ["قال: «نحن هنا. ولن نغادر. أبدًا.»", "ثم غادر القاعة."],
    ),
    "comma after a quotation that ends with a period": (
        "قال “ذلك.”، وأضاف أن الأمر انتهى.",
        ["قال “ذلك.”، وأضاف أن الأمر انتهى."],
    ),
    "straight quotes, one used as a prefix quote": (
        'وقال العوادي لـ "الوطن" إن "لائحة العراقية تؤيد ذلك. ونحن معها". وتحدى العوادي أي مسؤول.',
        ['وقال العوادي لـ "الوطن" إن "لائحة العراقية تؤيد ذلك. ونحن معها".', "وتحدى العوادي أي مسؤول."],
    ),
    "nested straight quotes": (
        'أضاف الملا: "حظيت "دوكونت" بالفرصة. وعليه نهنئ "دوكونت"". وانتهى الحفل.',
        ['أضاف الملا: "حظيت "دوكونت" بالفرصة. وعليه نهنئ "دوكونت"".', "وانتهى الحفل."],
    ),
    "unbalanced quotation protects nothing": (
        "قال: “الجملة الأولى. الجملة الثانية",
        ["قال: “الجملة الأولى.", "الجملة الثانية"],
    ),
    "unbalanced quotation does not cross a paragraph": (
        "قال: «هذا كل شيء.\n\nوفي سياق آخر. أعلنت الوزارة» نتائجها.",
        ["قال: «هذا كل شيء.", "وفي سياق آخر.", "أعلنت الوزارة» نتائجها."],
    ),
    "decimal numbers and thousands separators": (
        "بلغ النمو 3.5 في المئة. وبلغ عدد السكان 1.200.000 نسمة، أي ٣.٥ مليون.",
        ["بلغ النمو 3.5 في المئة.", "وبلغ عدد السكان 1.200.000 نسمة، أي ٣.٥ مليون."],
    ),
    "Arabic abbreviations": (
        "التقى د. محمد و م. خالد وأ.د. أحمد في ص. 45 من التقرير. ثم غادروا.",
        ["التقى د. محمد و م. خالد وأ.د. أحمد في ص. 45 من التقرير.", "ثم غادروا."],
    ),
    "era after a year ends a sentence": (
        "ولد عام 1990 م. وتوفي عام 1426 هـ. ودفن في دمشق.",
        ["ولد عام 1990 م.", "وتوفي عام 1426 هـ.", "ودفن في دمشق."],
    ),
    "Latin abbreviations and initials": (
        "The U.S. Embassy said Dr. Smith met George W. Bush at 5 p.m. yesterday. He left, e.g. at noon.",
        ["The U.S. Embassy said Dr. Smith met George W. Bush at 5 p.m. yesterday.", "He left, e.g. at noon."],
    ),
    "No. before a number, no at the end": (
        "See No. 5 for details. I said no. Then I left.",
        ["See No. 5 for details.", "I said no.", "Then I left."],
    ),
    "URL with Arabic and an email": (
        "زوروا http://example.com/path?q=سوريا&x=1. أو راسلونا على info@example.org. شكرًا.",
        ["زوروا http://example.com/path?q=سوريا&x=1.", "أو راسلونا على info@example.org.", "شكرًا."],
    ),
    "ellipses: pause, omission, continuation, end": (
        "كان الأمر... غريبًا. نقلت عن مصدر … الخ، وغير ذلك. قالت الشركة إن... the results were good."
        " الاتفاق لم ينجز بعد… لكن المحادثات مستمرة.",
        [
            "كان الأمر... غريبًا.",
            "نقلت عن مصدر … الخ، وغير ذلك.",
            "قالت الشركة إن... the results were good.",
            "الاتفاق لم ينجز بعد…",
            "لكن المحادثات مستمرة.",
        ],
    ),
    "Arabic and Latin question and exclamation marks": (
        "هل انتهى الاجتماع؟ نعم! انتهى بالأمس. ماذا حدث؟! لا أحد يعرف?! ربما.",
        ["هل انتهى الاجتماع؟", "نعم!", "انتهى بالأمس.", "ماذا حدث؟!", "لا أحد يعرف?!", "ربما."],
    ),
    "a mark in brackets is an aside": (
        "قال الوزير (!) إن الوضع ممتاز (؟) وغادر.",
        ["قال الوزير (!) إن الوضع ممتاز (؟) وغادر."],
    ),
    "never at commas, colons or semicolons": (
        "أجرى الوزير، أسعد الشيباني، اجتماعًا؛ وقال: إن الحوار مستمر, وإن التصعيد توقف",
        ["أجرى الوزير، أسعد الشيباني، اجتماعًا؛ وقال: إن الحوار مستمر, وإن التصعيد توقف"],
    ),
    "no punctuation at all": (
        "كلمة بلا أي علامة ترقيم على الإطلاق",
        ["كلمة بلا أي علامة ترقيم على الإطلاق"],
    ),
    "mixed Latin names": (
        "عبر شركة Microsoft. وقالت Axios إن اللقاء ناجح.",
        ["عبر شركة Microsoft.", "وقالت Axios إن اللقاء ناجح."],
    ),
    "English only": (
        "This is English only. It has two sentences! Does it? Yes.",
        ["This is English only.", "It has two sentences!", "Does it?", "Yes."],
    ),
    "missing space after a period between Arabic words": (
        "بدايات علم الكيمياء.تعود بدايات علم الكيمياء إلى زمن موغل في القدم.",
        ["بدايات علم الكيمياء.", "تعود بدايات علم الكيمياء إلى زمن موغل في القدم."],
    ),
    "a Latin question mark inside an Arabic word is a lost character": (
        "وينقسم الكتاب إلى ن?يئيم وكيتو?يم.",
        ["وينقسم الكتاب إلى ن?يئيم وكيتو?يم."],
    ),
    "footnote after the period": (
        "ومراكزها في جذع الدماغ.[1] وتتحكم فيها الأعصاب.[12]",
        ["ومراكزها في جذع الدماغ.[1]", "وتتحكم فيها الأعصاب.[12]"],
    ),
    "heading lines and numbered list": (
        "الأضرار النفسية\nتوضح د. أميرة أن الأطفال يحتاجون للتواصل.\n1. البند الأول\n2. البند الثاني",
        ["الأضرار النفسية", "توضح د. أميرة أن الأطفال يحتاجون للتواصل.", "1. البند الأول", "2. البند الثاني"],
    ),
    "bullets after a colon": (
        "نصائح عامة لأمان طفلك:\n· لا تتركي طفلك بمفرده. · استخدمي أغطية بلاستيكية.",
        ["نصائح عامة لأمان طفلك:", "· لا تتركي طفلك بمفرده.", "· استخدمي أغطية بلاستيكية."],
    ),
    "blank lines always end a sentence": (
        "عنوان بلا نقطة\n\nفقرة أولى بلا نقطة\n\n\n  فقرة ثانية.",
        ["عنوان بلا نقطة", "فقرة أولى بلا نقطة", "فقرة ثانية."],
    ),
    "Windows line endings": (
        "العنوان\r\n\r\nالجملة الأولى. الجملة الثانية.\r\n",
        ["العنوان", "الجملة الأولى.", "الجملة الثانية."],
    ),
}


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_tricky_cases(body, expected):
    assert texts(body) == expected


# Hard-wrapped news as EASC has it: Alwatan articles easc-023d5d09 and easc-08a132a0
# (shared/data/easc-dev.jsonl), with a heading line added between them.
WRAPPED = """\
أعلنت مصادر رسمية أن الحكومة الانتقالية برئاسة الدكتور إبراهيم الجعفري تسعى
إلى انتهاج سياسية خارجية جديدة مع دول الجوار، في ضوء الزيارة الأخيرة التي قام
بها رئيس الدولة جلال الطالباني إلى الأردن.
 وأكدت المصادر حرص الحكومة "الانتقالية" على إثبات حسن النية من قبل سوريا
لإعادة العلاقات الدبلوماسية بين البلدين، ويتهم مسؤولون عراقيون دمشق بالتغاضي
عن ضبط حدودها ومنع المتسللين من الدخول إلى الأراضي العراقية. وطبقا للمصادر فإن
بغداد اشترطت إعادة العلاقات مع دمشق بخطوة تبدأ بزيارة يقوم بها وزير الخارجية
السوري إلى العراق.
الطقس والانتحار
 وتقول مجموعة برايوري المتخصصة في بحوث الطب النفسي إن الطقس المشمس الذي عادة
ما يساعد الناس في التغلب على كآبتهم يعطيهم كذلك " القدرة على اتباع دوافعهم
الانتحارية."
 ويقول المسؤول عن الخدمات الصحية في المجموعة البروفيسور كريس تومسون إن هناك
علاقة مباشرة بين سطوع الشمس والانتحار.
"""


def test_hard_wrapped_lines_are_spaces_inside_a_sentence():
    sentences = split_sentences(WRAPPED)
    assert [" ".join(s.text.split()) for s in sentences] == [
        "أعلنت مصادر رسمية أن الحكومة الانتقالية برئاسة الدكتور إبراهيم الجعفري تسعى إلى انتهاج سياسية"
        " خارجية جديدة مع دول الجوار، في ضوء الزيارة الأخيرة التي قام بها رئيس الدولة جلال الطالباني"
        " إلى الأردن.",
        'وأكدت المصادر حرص الحكومة "الانتقالية" على إثبات حسن النية من قبل سوريا لإعادة العلاقات'
        " الدبلوماسية بين البلدين، ويتهم مسؤولون عراقيون دمشق بالتغاضي عن ضبط حدودها ومنع المتسللين"
        " من الدخول إلى الأراضي العراقية.",
        "وطبقا للمصادر فإن بغداد اشترطت إعادة العلاقات مع دمشق بخطوة تبدأ بزيارة يقوم بها وزير الخارجية"
        " السوري إلى العراق.",
        "الطقس والانتحار",
        "وتقول مجموعة برايوري المتخصصة في بحوث الطب النفسي إن الطقس المشمس الذي عادة ما يساعد الناس"
        ' في التغلب على كآبتهم يعطيهم كذلك " القدرة على اتباع دوافعهم الانتحارية."',
        "ويقول المسؤول عن الخدمات الصحية في المجموعة البروفيسور كريس تومسون إن هناك علاقة مباشرة"
        " بين سطوع الشمس والانتحار.",
    ]
    assert "\n" in sentences[0].text  # the body's own text, line breaks included
    assert {s.paragraph for s in sentences} == {0}


def test_short_text_with_one_long_line_is_not_taken_for_wrapped():
    # A title and subtitle: two lines, both without a period.
    body = "الشيباني بحث ووزير إسرائيلي في باريس تفاهمات أمنية حول الجنوب السوري\nدعم أميركي – فرنسي للمرحلة الانتقالية"
    assert len(texts(body)) == 2


def test_sentence_fields():
    body = "  أولى.  ثانية!\n\nثالثة؟"
    assert split_sentences(body) == [
        Sentence(0, "أولى.", 0, 2, 7),
        Sentence(1, "ثانية!", 0, 9, 15),
        Sentence(2, "ثالثة؟", 1, 17, 23),
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        split_sentences(body)[0].text = "x"  # type: ignore[misc]


def test_empty_and_blank_bodies():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t \u2029 ") == []


# --- invariants -----------------------------------------------------------------

news_characters = st.one_of(
    st.sampled_from(list("كلمةوالسوريإسرائيلبراك")),
    st.sampled_from(list(" .!?؟…،,:؛;\"“”«»„()[]-·")),
    st.sampled_from(["\n", "\n\n", "\r\n", " \n ", "\u2029", "\xa0", "\x1f", "\u200f"]),
    st.sampled_from(list("0123456789٣abcXYZ")),
    st.sampled_from(["د.", "U.S.", "http://a.b/c?d=ه.", "...", "م.", "1. ", "[1]"]),
    st.characters(),
)
news_text = st.lists(news_characters, max_size=120).map("".join)


def line_breaks(text: str) -> int:
    return sum(1 for line in text.splitlines(keepends=True) if line.splitlines()[0] != line)


@given(st.one_of(news_text, st.text()))
@settings(max_examples=800)
def test_invariants(body):
    sentences = split_sentences(body)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    position = 0
    for previous, sentence in zip([None, *sentences], sentences):
        assert sentence.text == body[sentence.start : sentence.end]
        assert sentence.text and sentence.text == sentence.text.strip()
        gap = body[position : sentence.start]
        assert gap.strip() == ""  # only whitespace lies between sentences: nothing is lost
        if previous is not None:
            # A new paragraph exactly where a blank line separates two sentences.
            assert sentence.paragraph - previous.paragraph == (line_breaks(gap) > 1)
        position = sentence.end
    assert body[position:].strip() == ""
    if sentences:
        assert sentences[0].paragraph == 0
    for sentence in sentences:  # a blank line never lies inside a sentence
        assert all(line.strip() for line in sentence.text.splitlines()[1:-1])


# --- speed ----------------------------------------------------------------------


def test_one_enormous_line_is_fast():
    paragraph = " ".join(SEED_000.read_text(encoding="utf-8").split())
    body = (paragraph + " ") * (200_000 // len(paragraph) + 1)
    body = body[:200_000]
    started = time.perf_counter()
    sentences = split_sentences(body)
    assert time.perf_counter() - started < 1
    assert len(sentences) > 1000


def test_five_megabytes_of_news_split_in_seconds():
    article = SEED_000.read_text(encoding="utf-8") + "\n\n" + SEED_003.read_text(encoding="utf-8") + "\n\n"
    body = (article * (5_000_000 // len(article) + 1))[:5_000_000]
    started = time.perf_counter()
    sentences = split_sentences(body)
    assert time.perf_counter() - started < 5
    assert len(sentences) > 20_000


@pytest.mark.parametrize(
    "unit",
    ["a.", "كلمة.", ".", '"', "“«", "\n", "سطر\n", "د." + " " * 50, ".)", ".[1]", "http://", "قال: “ذلك. "],
)
def test_adversarial_text_takes_linear_time(unit):
    # Quadratic work on 300 KB would take minutes; linear work takes well under a second.
    body = (unit * (300_000 // len(unit) + 1))[:300_000]
    started = time.perf_counter()
    split_sentences(body)
    assert time.perf_counter() - started < 3


# --- measured on EASC -------------------------------------------------------------


def test_easc_articles_split_into_sane_sentences():
    articles = [json.loads(line) for line in EASC.read_text(encoding="utf-8").splitlines()]
    counts, words, matched, human = [], [], 0, 0
    for article in articles:
        sentences = split_sentences(article["text"])
        counts.append(len(sentences))
        words += [len(s.text.split()) for s in sentences]
        ours = {" ".join(s.text.split()) for s in sentences}
        for summary in article["summaries"]:
            for line in filter(str.strip, summary.splitlines()):
                human += 1
                matched += " ".join(line.split()) in ours
    assert 3 <= min(counts) and max(counts) <= 60
    assert 12 <= statistics.mean(words) <= 40  # measured: 26.5 words, median 20
    # The human summaries are article sentences, one per line; most are exactly ours.
    # (The rest: EASC split 2.1 and د. and URLs, dropped final periods, or joined
    # comma-spliced run-ons no punctuation separates. Measured: 90.2 %.)
    assert matched / human >= 0.88


# --- labels: lines that state nothing -------------------------------------------


@pytest.mark.parametrize("line, label", [
    ("الرئيس التركي رجب طيب أردوغان", True),  # al-Jazirah's photo caption above the text
    ("د. الدخيل خلال اجتماعه بمديري تعليم الحد الجنوبي", True),
    ("لجين الأحمدي – عين اليوم", True),  # 3alyoum's byline
    ("عين اليوم – جدة", True),  # and its dateline
    ("مجلس الوزراء وزير الدفاع", True),  # a line of a cable's signature
    # the Saudi Press Agency's dateline, 11 words of which 4 are figures
    ("روما 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", True),
    ("الرياض ٢٦ شوال ١٤٣٦ هـ الموافق ١١ أغسطس ٢٠١٥ م واس", True),
    ("وقتل اثنان منهم خلال تبادل اطلاق النار.", False),  # short, but a statement
    ("وقال: «لن نتراجع».", False),
    ("وكانت أسعار الذهب نزلت أول من أمس نحو واحد في المائة،", False),  # the sentence goes on
    ("السلام عليكم ورحمة الله وبركاته:", False),  # opens what follows
    ("الملك عبدالله الثاني نوه بدعم المملكة المستمر للاقتصاد والتنمية في الأردن وشكرها", False),  # too long for one
    # figures do not make a long line short: eleven words besides them
    ("ارتفع المؤشر العام 45 نقطة إلى مستوى 8120 نقطة في تعاملات اليوم وسط تداولات نشطة", False),
])
def test_a_short_line_without_a_final_mark_is_a_label(line: str, label: bool):
    [sentence] = split_sentences(line)
    assert sentence.is_label is label


def test_a_caption_above_the_text_is_a_sentence_of_its_own_and_a_label():
    """SaudiNewsNet, 1 August 2015 (al-Jazirah): the caption keeps its place in the text, apart from the lead."""
    first, second, *_ = split_sentences("الرئيس التركي رجب طيب أردوغان\nقتل عنصران من الشرطة التركية بالرصاص صباح امس"
                                        " الجمعة في منطقة اضنه (جنوب). وقتل اثنان منهم خلال تبادل اطلاق النار.")
    assert first.text == "الرئيس التركي رجب طيب أردوغان" and first.is_label
    assert second.text.startswith("قتل عنصران") and not second.is_label
