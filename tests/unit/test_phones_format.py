import pytest

from veileder.phone_format import display, e164, href, link_html, number_key


@pytest.mark.parametrize(
    "written, key",
    [
        ("112", "112"),
        ("02800", "02800"),
        ("116 006", "116006"),
        ("116006", "116006"),
        ("800 40 008", "80040008"),
        ("80040008", "80040008"),
        ("22 40 00 40", "22400040"),
        ("+47 22 40 00 40", "22400040"),
        ("+4722400040", "22400040"),
        ("0047 22 40 00 40", "22400040"),
        ("2240 0040", "22400040"),
        ("1412", "1412"),
        # forms not listed in the issue
        ("22-40-00-40", "22400040"),
        ("22.40.00.40", "22400040"),
        ("22 40 0040", "22400040"),
        ("800 57000", "80057000"),
        ("800-40-008", "80040008"),
        ("(+47) 22 40 00 40", "22400040"),
        ("(0047) 22400040", "22400040"),
        ("+47-22-40-00-40", "22400040"),
        ("22\u00a040\u00a000\u00a040", "22400040"),
        ("22\u202f40\u202f00\u202f40", "22400040"),
        ("116\u00a0117", "116117"),
        ("116-006", "116006"),
    ],
)
def test_number_key_accepts_the_forms_people_write(written, key):
    assert number_key(written) == key


@pytest.mark.parametrize("written", ["12", "12345678", "+46 22 40 00 40", "22--40-00-40", "abc", "", "+47 112", "+47 116 006",
                                     "+47 02800", "2240004", "12 34", "1 12", "1-12", "11 6006", "22/40/00/40", "(+47 22 40 00 40",
                                     "22 40 00 40 1"])
def test_number_key_rejects_what_is_not_a_norwegian_number(written):
    assert number_key(written) is None


@pytest.mark.parametrize(
    "key, shown",
    [("22400040", "22 40 00 40"), ("80040008", "800 40 008"), ("80057000", "800 57 000"),
     ("116006", "116 006"), ("02800", "02800"), ("112", "112"), ("1412", "1412")],
)
def test_display_uses_norwegian_grouping(key, shown):
    assert display(key) == shown


@pytest.mark.parametrize(
    "key, address",
    [
        # full numbers: E.164, dials from anywhere
        ("22400040", "tel:+4722400040"),
        ("80040008", "tel:+4780040008"),
        # short numbers: bare digits — "+47 112" is not routed by networks
        ("112", "tel:112"),
        ("02800", "tel:02800"),
        ("116006", "tel:116006"),
        ("1412", "tel:1412"),
    ],
)
def test_href_dials_correctly(key, address):
    assert href(key) == address


def test_e164_for_full_numbers():
    assert e164("22400040") == "+4722400040"


def test_link_html_has_class_href_and_an_accessible_name_containing_the_visible_text():
    html = link_html("116006", owner="Vold- og overgrepslinjen", purpose="Hjelpetelefon")
    assert html == ('<a class="tel" href="tel:116006" aria-label="116 006 – Vold- og overgrepslinjen" '
                    'title="Hjelpetelefon">116 006</a>')


def test_link_html_escapes_owner_and_table_pipes():
    html = link_html("112", owner='A & "B" | C')
    assert 'aria-label="112 – A &amp; &quot;B&quot; &#124; C"' in html
    assert "|" not in html
