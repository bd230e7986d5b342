"""Figures: every type, with value, unit and approximation; idioms and identifiers excluded."""

from __future__ import annotations

from itertools import pairwise

import pytest

from reader.analysis import analyse
from reader.analysis.model import Figure


def figures(text: str) -> list[Figure]:
    return list(analyse(text).figures)


def only(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit", "approximate"),
    [
        ("Russia launched 171 long-range drones overnight.", "171", "count", 171, "drones", False),
        ("It cost 1,250,000 in all.", "1,250,000", "count", 1250000, None, False),
        ("Growth was 2.75 in the model.", "2.75", "count", 2.75, None, False),
        ("About 3.5 million people voted.", "About 3.5 million", "count", 3.5e6, "people", True),
        ("The fund holds $3.3 billion now.", "$3.3 billion", "money", 3.3e9, "USD", False),
        ("They pledged 3 billion euros more.", "3 billion euros", "money", 3e9, "EUR", False),
        ("The club paid £40m for him.", "£40m", "money", 4e7, "GBP", False),
        ("The deal is worth €3bn to them.", "€3bn", "money", 3e9, "EUR", False),
        ("A pension of ₴1,200 a month.", "₴1,200", "money", 1200, "UAH", False),
        ("It raised USD 300 million.", "USD 300 million", "money", 3e8, "USD", False),
        ("It raised 300 million US dollars.", "300 million US dollars", "money", 3e8, "USD",
         False),
        ("Prices rose 4.5% last year.", "4.5%", "percent", 4.5, "%", False),
        ("Prices rose 12 per cent last year.", "12 per cent", "percent", 12, "%", False),
        ("Prices rose nearly 12 percent.", "nearly 12 percent", "percent", 12, "%", True),
        ("Support fell 3 percentage points.", "3 percentage points", "percent", 3,
         "percentage points", False),
        ("The law dates from 1991 and still holds.", "1991", "year", 1991, None, False),
        ("The ban lasted 30 days in all.", "30 days", "duration", 30, "days", False),
        ("A 30-day ceasefire was agreed.", "30-day", "duration", 30, "days", False),
        ("The three-year war goes on.", "three-year", "duration", 3, "years", False),
        ("Talks took more than two weeks.", "more than two weeks", "duration", 2, "weeks", True),
        ("Some 40 homes flooded.", "Some 40", "count", 40, "homes", True),
        ("Up to 250,000 were killed.", "Up to 250,000", "count", 250000, None, True),
        ("At least 12 people died.", "At least 12", "count", 12, "people", True),
        ("Roughly 300 troops remained.", "Roughly 300", "count", 300, "troops", True),
        ("Six Russian regions were hit.", "Six", "count", 6, "regions", False),
        ("It took twenty-five attempts.", "twenty-five", "count", 25, "attempts", False),
        ("More than two dozen countries met.", "More than two dozen", "count", 24, "countries",
         True),
        ("About four dozen drones flew in.", "About four dozen", "count", 48, "drones", True),
        ("A dozen trucks waited.", "A dozen", "count", 12, "trucks", False),
        ("Three hundred and fifty jobs went.", "Three hundred and fifty", "count", 350, "jobs",
         False),
        ("A third of voters stayed home.", "A third", "other", 1 / 3, None, False),
        ("Two-thirds of the budget is spent.", "Two-thirds", "other", 2 / 3, None, False),
        ("It was built in the 1990s by hand.", "1990s", "year", 1990, None, True),
    ],
)
def test_figure_types(text: str, span: str, kind: str, value: float, unit: str | None,
                      approximate: bool) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit, figure.approximate) == (
        span, kind, unit, approximate)
    assert figure.value == pytest.approx(value)


def test_compact_range_is_one_figure_with_low_high_and_their_midpoint() -> None:
    figure = only("Officials expect 10–30 arrests.")
    assert (figure.text, figure.kind, figure.value, figure.low, figure.high) == (
        "10–30", "range", 20, 10, 30)
    assert figure.unit == "arrests"


def test_compact_money_range_shares_its_scale() -> None:
    figure = only("It will cost $5-6 million.")
    assert figure.text == "$5-6 million"
    assert (figure.low, figure.high, figure.unit) == (5e6, 6e6, "USD")


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("Between 10,000 and 30,000 troops could deploy.", "Between 10,000 and 30,000", 10000,
         30000, "troops"),
        ("Crews laid from 40 to 65 metres of track.", "from 40 to 65 metres", 40, 65, "metres"),
        ("Each dose holds 44 mg to 50 mg of the drug.", "44 mg to 50 mg", 44, 50, "mg"),
        ("Yields of 50 to 80% were seen.", "50 to 80%", 50, 80, "%"),
        ("It costs between 2 and 3 million euros.", "between 2 and 3 million euros", 2e6, 3e6,
         "EUR"),
        ("Nights swung from -18 °C to -34 °C on the plateau.", "from -18 °C to -34 °C", -34, -18,
         "°C"),
        ("The design calls for an 8- to 16-meter mirror.", "8- to 16-meter", 8, 16, "metres"),
    ],
)
def test_worded_range_is_one_figure(text: str, span: str, low: float, high: float,
                                    unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.low, figure.high, figure.unit) == (
        span, "range", low, high, unit)
    assert figure.value == pytest.approx((low + high) / 2)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Inflation rose from 2.1% to 3.4% in a year.", ["2.1%", "3.4%"]),
        ("Sales climbed 6% to 40,000 units.", ["6%", "40,000"]),
        ("The motion passed 61 to 38 on Monday.", ["61", "38"]),
    ],
)
def test_a_change_from_one_figure_to_another_is_no_range(text: str, spans: list[str]) -> None:
    assert [f.text for f in figures(text)] == spans


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("The vote is on March 3, 2024 in the capital.", "March 3, 2024", "2024-03-03"),
        ("The vote is on 3 March 2024 in the capital.", "3 March 2024", "2024-03-03"),
        ("The vote is on Feb. 24 in the capital.", "Feb. 24", "--02-24"),
        ("The vote is in June 2025 at the latest.", "June 2025", "2025-06"),
    ],
)
def test_dates(text: str, span: str, iso: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.date) == (span, "date", iso)


@pytest.mark.parametrize(
    "text",
    [
        "We know one thing for certain.",
        "They blamed one another for it.",
        "A couple of ministers resigned.",
        "A couple with burns was treated.",
        "No one came to the meeting.",
        "One of the drivers was hurt.",
        "He flew F-16 jets and caught Covid-19 there.",
        "Article 5 of the treaty and Resolution 2231 apply.",
        "The G7 met at 10:30 on the 3rd floor.",
        "Formula One returns to the city.",
        "It is the third time this year.",
        "Several people and a few dogs were hurt.",
    ],
)
def test_not_figures(text: str) -> None:
    assert [f.text for f in figures(text)] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Only one person survived.", "one"),
        ("The project will take one year.", "one year"),
        ("The deal is worth one billion dollars.", "one billion dollars"),
        ("One in five adults smokes.", "One in five"),
    ],
)
def test_one_is_a_figure_when_it_counts(text: str, span: str) -> None:
    assert only(text).text == span


def test_up_to_after_a_phrasal_verb_is_no_qualifier() -> None:
    assert only("Parliament will clear up to 3 billion euros.").text == "3 billion euros"


def test_figures_never_overlap_and_are_ordered() -> None:
    found = figures("Between 2020 and 2023, about 3,000 people left; $4.5bn went too, 10–20%.")
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


@pytest.mark.parametrize("text", ["The Senate adjourned at 3 p.m. sharp.",
                                  "The 9/11 memorial opened.", "Shops open 24/7 now."])
def test_times_and_slashed_dates_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_vote_tally_is_one_figure() -> None:
    figure = only("The vote was 70-29 in the end.")
    assert (figure.text, figure.kind, figure.low, figure.high) == ("70-29", "other", 70, 29)


def test_capitalised_plural_is_a_counted_noun() -> None:
    assert only("Yet 22 Republicans joined them.").unit == "Republicans"


def test_qualifier_at_the_start_of_a_paragraph() -> None:
    assert [f.text for f in figures("Intro.\n\nAround 30 leaders met.")] == ["Around 30"]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        ("Power was out for up to three days.", "up to three days", "duration", 3, "days"),
        ("It fell to minus 20C overnight.", "minus 20C", "other", -20, "°C"),
        ("Nearly half of voters agreed.", "Nearly half", "other", 0.5, None),
        ("Six of its seven mines closed.", "Six", "count", 6, None),
        ("It set aside Rs 2.5 lakh crore.", "Rs 2.5 lakh crore", "money", 2.5e12, "INR"),
        ("That is one in every 12 residents.", "one in every 12", "other", 1 / 12, None),
    ],
)
def test_more_figure_forms(text: str, span: str, kind: str, value: float,
                           unit: str | None) -> None:
    found = [f for f in figures(text) if f.text == span]
    assert found, [f.text for f in figures(text)]
    assert (found[0].kind, found[0].unit) == (kind, unit)
    assert found[0].value == pytest.approx(value)


def test_date_and_year_ranges() -> None:
    date = only("The poll ran March 1-5 online.")
    assert (date.text, date.kind, date.date) == ("March 1-5", "date", "--03-01")
    years = only("The 2024-25 budget passed.")
    assert (years.text, years.kind, years.value, years.low, years.high) == (
        "2024-25", "period", None, 2024, 2025)
    span = only("Output grew in 2019-23 overall.")
    assert (span.text, span.kind, span.value, span.low, span.high) == (
        "2019-23", "range", None, 2019, 2023)


def test_half_as_a_part_of_a_year_is_not_a_figure() -> None:
    assert figures("In the second half of the year sales rose.") == []


def test_one_in_n_with_digits() -> None:
    figure = only("Now 1 in 4 adults smokes.")
    assert figure.text == "1 in 4" and figure.value == pytest.approx(0.25)


def test_no_break_spaces_inside_figures() -> None:
    assert [f.text for f in figures("About\u00a030 people paid $3.3\u00a0billion.")] == [
        "About\u00a030", "$3.3\u00a0billion"]


def test_absurdly_long_digit_strings_are_not_figures() -> None:
    assert figures("Serial " + "9" * 400 + " was read.") == []


def test_one_person_counted_is_a_figure() -> None:
    assert only("One soldier was killed and a school was hit.").text == "One"
    assert figures("One of the soldiers was hurt.") == []


def test_street_numbers_are_not_figures() -> None:
    assert figures("A fire at 1200 North Grand Avenue was put out.") == []


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        # Continental copy: a decimal comma, thousands split by a narrow no-break space.
        ("A budget of 412,6 million francs was adopted.", "412,6 million francs", "money",
         412.6e6, "CHF"),
        ("The tax rate rises by 2,5 % next year.", "2,5 %", "percent", 2.5, "%"),
        ("The town has 38\u202f420 inhabitants.", "38\u202f420", "count", 38420, "inhabitants"),
        # Markets copy: minor currency units and basis points.
        ("Brent rose 62 cents to close higher.", "62 cents", "money", 62, "cent"),
        ("A stamp now costs 85p more.", "85p", "money", 85, "penny"),
        ("The yield rose 6 basis points on the day.", "6 basis points", "other", 6,
         "basis points"),
        ("The yield added 8 bps in late trade.", "8 bps", "other", 8, "basis points"),
        # Health copy: rates and multipliers.
        ("Incidence climbed to 13.9 per 100,000 last year.", "13.9 per 100,000", "other", 13.9,
         "per 100,000"),
        ("Smokers had 2.2 times the risk of others.", "2.2 times", "other", 2.2, "times"),
    ],
)
def test_continental_markets_and_health_forms(text: str, span: str, kind: str, value: float,
                                              unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (span, kind, unit)
    assert figure.value == pytest.approx(value)


def test_a_count_of_times_keeps_times_out_of_the_span() -> None:
    assert only("They complained at least three times since spring.").text == "at least three"


def test_undotted_month_abbreviation_with_a_day_is_a_date() -> None:
    figure = only("LONDON, Nov 6 (Wirebridge) - Shares fell on Thursday.")
    assert (figure.text, figure.kind, figure.date) == ("Nov 6", "date", "--11-06")


@pytest.mark.parametrize(
    "text",
    [
        "Call Crimestoppers anonymously on 0800 555 111 with information.",
        "Ring the council's line on 01632 960482 today.",
        "Anyone with information should call 101, quoting the incident.",
        "Call the hotline at (206) 555-0147 or 206-555-0147.",
        "She lives in Flat 12 with her children.",
        "The towpath between Lock 4 and the bridge reopened.",
        "The CAC 40 shed ground while the STOXX 600 index fell.",
        "The first crew arrived at 3.47, the second a minute later.",
        "They stood outside until about half past six in the morning.",
        "Shares fell for a third straight session.",
        "She is a third-grade teacher in the city.",
        "The quoted incident number was 0347.",
    ],
)
def test_phone_numbers_names_clock_times_and_ordinals_are_not_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Prosecutors will call 12 witnesses next week.", "12"),
        ("Sales fell by a third last year.", "a third"),
        ("Roughly a third of the rain fell overnight.", "Roughly a third"),
        ("A two-thirds majority is needed.", "two-thirds"),
        ("The bill passed with 86 votes.", "86"),
        ("Tickets cost £8 at the door and the index closed at 3.47%.", "£8"),
    ],
)
def test_near_misses_of_those_rules_stay_figures(text: str, span: str) -> None:
    assert figures(text)[0].text == span


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("She scored twice in nine minutes.", "twice", 2),
        ("Incidence rose almost twice as fast.", "almost twice", 2),
        ("Thrice he tried.", "Thrice", 3),
    ],
)
def test_twice_and_thrice_count(text: str, span: str, value: float) -> None:
    figure = figures(text)[0]
    assert (figure.text, figure.value) == (span, value)


def test_slashed_season_is_a_span_of_years_and_an_even_split_is_no_range() -> None:
    season, split = figures("The 2024/25 season opened with a 50-50 ball.")
    assert (season.text, season.kind, season.low, season.high) == ("2024/25", "period", 2024,
                                                                    2025)
    assert (split.text, split.kind) == ("50-50", "other")
    assert figures("It happened on 9/11.") == []


def test_a_number_to_call_at_the_start_of_a_sentence() -> None:
    assert figures("Call 999 in an emergency.") == []


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Rates sit in a range of 5.25%-5.5% now.", "5.25%-5.5%", "%"),
        ("The bank made a 25bp cut.", "25bp", "basis points"),
        ("They cut by a quarter percentage point.", "a quarter percentage point",
         "percentage points"),
    ],
)
def test_percent_ranges_attached_basis_points_and_fractions_of_a_unit(text: str, span: str,
                                                                      unit: str | None) -> None:
    figure = only(text)
    assert (figure.text, figure.unit) == (span, unit)


def test_p_values_are_not_figures_and_irregular_verbs_are_not_counted_nouns() -> None:
    assert [f.text for f in figures("The ratio was 0.87 (P=0.004), p < 0.05.")] == ["0.87"]
    year = only("Profits in 2024 rose sharply.")
    assert (year.kind, year.unit) == ("year", None)
