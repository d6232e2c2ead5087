"""The page of `leibniz serve` in headless Chromium: the answers it shows are the CLI's,
rendered with KaTeX, with their steps; the check view marks the first wrong line; the
backpropagation view draws the graph; nothing a user types becomes markup; a link
restores the state."""
import json
import subprocess
import urllib.parse

from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BINARY, WAIT_SECONDS

PRODUCT = "(x^2 + y^2)*(x^2*y + y^2*x)"


def cli(*args):
    """The CLI's output for the same request, plain text (not a terminal)."""
    return subprocess.run([BINARY, *args], capture_output=True, text=True, check=True,
                          timeout=WAIT_SECONDS).stdout.strip()


def wait(page, condition):
    return WebDriverWait(page.driver, WAIT_SECONDS).until(condition)


def by_id(page, element_id):
    return page.driver.find_element(By.ID, element_id)


def choose(page, select_id, *, index=None, value=None):
    """Selects an option of a list the page fills after it loads (the notes' presets
    arrive by a request): waits for the option to exist first."""
    def option(driver):
        options = Select(driver.find_element(By.ID, select_id)).options
        for i, o in enumerate(options):
            if i == index or (value is not None and o.get_attribute("value") == value):
                return True
        return False
    wait(page, option)
    select = Select(by_id(page, select_id))
    if index is not None:
        select.select_by_index(index)
    else:
        select.select_by_value(value)


def shown(driver):
    """The answer's text form on the page, or None: read in one script, so that an answer
    replaced meanwhile is never half read."""
    return driver.execute_script(
        "const c = document.querySelector('#result-text code'); return c ? c.innerText : null;")


def result_text(page):
    return wait(page, shown)


def wait_for_result(page, expected):
    try:
        wait(page, lambda d: shown(d) == expected)
    except TimeoutException:
        raise AssertionError(f"the page shows {shown(page.driver)!r} "
                             f"{page.driver.find_element(By.ID, 'result-live').text!r}, "
                             f"not {expected!r}") from None


def table_rows(page):
    """The backprop table, {node: [cells after the name]}, read in one script."""
    return page.driver.execute_script("""
        const rows = {};
        for (const tr of document.querySelectorAll('#bp-table tbody tr')) {
          rows[tr.querySelector('th').innerText] = [...tr.querySelectorAll('td')].map(td => td.innerText);
        }
        return rows;""")


def katex_in(page, element_id):
    return by_id(page, element_id).find_elements(By.CSS_SELECTOR, ".katex")


def compute(page, formula, op, wrt="", **fields):
    """Types the request into the calculus view and runs it with Enter."""
    Select(by_id(page, "op")).select_by_value(op)
    for field, value in {"wrt": wrt, **fields}.items():
        box = by_id(page, field)
        if box.is_displayed():
            box.clear()
            box.send_keys(value)
    box = by_id(page, "formula")
    box.clear()
    box.send_keys(formula, Keys.ENTER)


def test_opens_on_the_notes_product_rule_example_worked_with_its_steps(page):
    page.open()
    wait_for_result(page, cli("diff", PRODUCT, "x"))
    assert by_id(page, "formula").get_attribute("value") == PRODUCT
    assert katex_in(page, "result-math")
    # The derivation as the notes write it, folding line by line; its text is the CLI's.
    lines = page.driver.find_elements(By.CSS_SELECTOR, "#derivation details.line")
    assert lines[0].get_attribute("open") is not None
    assert lines[0].find_elements(By.CSS_SELECTOR, "summary .katex")
    by_id(page, "steps-text-box").find_element(By.TAG_NAME, "summary").click()
    assert by_id(page, "steps-text").text == cli("diff", PRODUCT, "x", "--steps", "--plain")
    # The copy buttons say what they copied.
    by_id(page, "copy-latex").click()
    wait(page, lambda d: d.find_element(By.ID, "copy-status").text.startswith("Cop"))
    assert by_id(page, "copy-status").text == "Copied (LaTeX)."
    # Each rule with its parts.
    by_id(page, "rules-box").find_element(By.TAG_NAME, "summary").click()
    steps = page.driver.find_elements(By.CSS_SELECTOR, "#steps-list details.step")
    assert steps[0].get_attribute("data-rule") == "product"
    assert steps[0].get_attribute("open") is not None
    assert steps[0].find_elements(By.CSS_SELECTOR, "summary .katex")
    # A deeper step is folded and opens with a click on its summary.
    nested = steps[0].find_element(By.CSS_SELECTOR, "details.step")
    assert nested.get_attribute("open") is None
    nested.find_element(By.TAG_NAME, "summary").click()
    assert nested.get_attribute("open") is not None


def test_each_operation_answers_as_the_cli_does(page):
    page.open()
    result_text(page)
    compute(page, "x^2*sin(x)", "diff", "x")
    wait_for_result(page, cli("diff", "x^2*sin(x)", "x"))
    assert katex_in(page, "result-math")
    rules = [s.get_attribute("data-rule")
             for s in page.driver.find_elements(By.CSS_SELECTOR, "#steps-list details.step")]
    assert rules == ["product", "power", "table:sin"]

    compute(page, "x^3*y^2", "diff", "x x y")
    wait_for_result(page, cli("diff", "x^3*y^2", "x", "x", "y"))

    compute(page, "x*exp(x)", "integrate", "x", **{"from": "", "to": ""})
    wait_for_result(page, cli("integrate", "x*exp(x)", "x"))
    assert page.driver.find_elements(By.CSS_SELECTOR, "#steps-list details[data-rule='parts']")

    compute(page, "x^2", "integrate", "x", **{"from": "0", "to": "1"})
    wait_for_result(page, "1/3")
    # No antiderivative: the number by quadrature, with its error estimate.
    compute(page, "exp(-x^2)*ln(x+2)", "integrate", "x", **{"from": "0", "to": "1"})
    wait(page, lambda d: (shown(d) or "").startswith("0.656317713469"))
    assert "Gauss–Kronrod quadrature" in by_id(page, "result-text").text

    compute(page, "(x+y)^2 - x^2", "simplify")
    wait_for_result(page, cli("simplify", "(x+y)^2 - x^2"))
    compute(page, "(x+1)^3", "expand")
    wait_for_result(page, cli("expand", "(x+1)^3"))
    compute(page, "x^2*y^3", "grad", "x y")
    wait_for_result(page, cli("grad", "x^2*y^3", "x", "y"))
    compute(page, "x^2*y^3", "hessian", "x y")
    wait_for_result(page, cli("hessian", "x^2*y^3", "x", "y"))
    assert katex_in(page, "result-math")

    compute(page, "\\frac{x^2}{y}", "diff", "x")
    wait_for_result(page, cli("diff", "\\frac{x^2}{y}", "x"))


def test_a_parse_error_is_shown_in_place_with_a_caret(page):
    page.open()
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#preview .katex"))
    box = by_id(page, "formula")
    box.clear()
    box.send_keys("sin(x + ")
    mark = wait(page, EC.visibility_of_element_located((By.CSS_SELECTOR, "#formula-error pre.caret mark.bad")))
    error = by_id(page, "formula-error").text
    assert "parse error" in error
    assert by_id(page, "formula-error").find_element(By.CSS_SELECTOR, "pre.caret").text.startswith("sin(x +")
    assert mark.text.strip() == ""  # the caret is past the end: the expression is unfinished
    assert box.get_attribute("aria-invalid") == "true"
    box.send_keys("1)")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#preview .katex")
         and not d.find_elements(By.CSS_SELECTOR, "#formula-error pre"))


def test_check_marks_the_first_wrong_line_with_a_counterexample(page):
    page.open("#view=check")
    choose(page, "check-preset", index=1)  # the notes' ∂f/∂x
    wrong = wait(page, EC.visibility_of_element_located((By.CSS_SELECTOR, "#check-result li.first-wrong")))
    lines = page.driver.find_elements(By.CSS_SELECTOR, "#check-result li")
    assert len(lines) == 4
    assert lines.index(wrong) == 2
    assert "2x^3y + x^2y^2 + 2xy^3 + y^4 + 2x^3y + 2xy^3" in wrong.text
    assert "Off by 2*x*y^3 - 2*x^2*y^2" in wrong.text
    assert "Counterexample: at x = 1, y = 2" in wrong.text
    assert "holds" in lines[0].get_attribute("class")
    assert "Erratum" in by_id(page, "check-erratum").text

    # A chain typed by hand: the second line is wrong.
    area = by_id(page, "check-lines")
    area.clear()
    area.send_keys("(x+1)^2", Keys.ENTER, "x^2 + 2x + 1", Keys.ENTER, "x^2 + x + 1")
    by_id(page, "check-of").clear()
    by_id(page, "check-wrt").clear()
    area.send_keys(Keys.CONTROL, Keys.ENTER)
    wait(page, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#check-result li")) == 3
         and d.find_elements(By.CSS_SELECTOR, "#check-result li.first-wrong"))
    lines = page.driver.find_elements(By.CSS_SELECTOR, "#check-result li")
    assert "first-wrong" in lines[2].get_attribute("class")

    # A line that does not parse: the line is named and its caret shown.
    area.clear()
    area.send_keys("x^2", Keys.ENTER, "x^2 + ")
    by_id(page, "check-run").click()
    caret = wait(page, EC.visibility_of_element_located((By.CSS_SELECTOR, "#check-error pre.caret")))
    assert "In line 2:" in by_id(page, "check-error").text
    assert caret.text.startswith("x^2 +")


def test_backprop_shows_values_gradients_the_graph_and_the_step(page):
    page.open("#view=backprop&net=two_sigmoids&lr=0.1")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#bp-graph svg g.node"))
    nodes = page.driver.find_elements(By.CSS_SELECTOR, "#bp-graph svg g.node")
    assert len(nodes) == 9
    assert len(page.driver.find_elements(By.CSS_SELECTOR, "#bp-graph svg g.edge")) == 9
    labels = [n.text for n in nodes]
    assert any("∂L/∂w1 = 0.125" in label for label in labels)
    rows = table_rows(page)
    assert rows["w1"] == ["param", "0.5", "1/8 ≈ 0.125", "39/80 ≈ 0.4875"]
    assert rows["x"][2] == "-3/16 ≈ -0.1875"
    assert rows["L"][:2] == ["loss", "1/4 ≈ 0.25"]
    assert rows["o1"] == ["node", "1/2 ≈ 0.5", "0.5", ""]
    assert rows["yhat"][2] == "-1"
    by_id(page, "bp-step").click()
    wait(page, lambda d: "param w1 = 39/80" in d.find_element(By.ID, "bp-model").get_attribute("value")
         and d.find_elements(By.CSS_SELECTOR, "#bp-graph svg g.node"))
    assert "param w2 = -159/80" in by_id(page, "bp-model").get_attribute("value")

    # The other two networks of the notes.
    choose(page, "bp-preset", value="three_neurons")
    wait(page, lambda d: "z1" in d.find_element(By.ID, "bp-table").text)
    # The true derivative of ψ (the answer key's −6·ln 3); a step to values that are not
    # rational writes the doubles into the model file.
    by_id(page, "bp-true").click()
    by_id(page, "bp-run").click()
    wait(page, lambda d: "-6*ln(3)" in d.find_element(By.ID, "bp-table").text)
    by_id(page, "bp-step").click()
    wait(page, lambda d: "param w11 = 1.6591673732008658" in d.find_element(By.ID, "bp-model").get_attribute("value")
         and d.find_element(By.ID, "bp-summary").text.startswith("The loss is"))
    assert by_id(page, "bp-error").text == ""
    by_id(page, "bp-true").click()
    choose(page, "bp-preset", value="recurrent")
    wait(page, lambda d: "h_2" in d.find_element(By.ID, "bp-table").text
         and d.find_elements(By.CSS_SELECTOR, "#bp-graph svg g.node"))
    rows = table_rows(page)
    assert rows["w"][2] == "-11"
    assert rows["h_0"][2] == "-57/8 ≈ -7.125"

    # A graph too large to draw: the numbers, and why there is no picture.
    model = by_id(page, "bp-model")
    model.clear()
    model.send_keys("param w = 1\nfor t = 1..1000\n  h[t] = w*t\nend\nloss L = sum(h[t] for t = 1..1000)")
    by_id(page, "bp-run").click()
    wait(page, lambda d: "No picture" in d.find_element(By.ID, "bp-graph").text)
    assert "at most 1000 nodes; this one has 1002" in by_id(page, "bp-graph").text
    rows = table_rows(page)
    assert rows["w"] == ["param", "", "500500", "-50049"]


def test_markup_typed_is_shown_as_text(page):
    page.open()
    result_text(page)
    attack = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    box = by_id(page, "formula")
    box.clear()
    box.send_keys(attack, Keys.ENTER)
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#result-error pre.caret"))
    caret = by_id(page, "result-error").find_element(By.CSS_SELECTOR, "pre.caret")
    assert caret.text.startswith("<script>alert(1)</script><img")
    # The cursor is put where the formula breaks: at its first character.
    assert by_id(page, "formula").get_property("selectionStart") == 0
    assert page.driver.execute_script(
        "return document.querySelectorAll('main script, main img').length") == 0
    try:
        page.driver.switch_to.alert
        raise AssertionError("an alert ran")
    except NoAlertPresentException:
        pass
    # The check view too: its lines are text.
    page.open("#view=check&lines=" + urllib.parse.quote(attack + "\nx"))
    wait(page, lambda d: d.find_element(By.ID, "check-error").text
         or d.find_elements(By.CSS_SELECTOR, "#check-result li"))
    assert page.driver.execute_script(
        "return document.querySelectorAll('main script, main img').length") == 0


def test_a_link_restores_the_formula_the_operation_and_its_options(page):
    page.open()
    result_text(page)
    compute(page, "sec(x)^2", "integrate", "x", **{"from": "", "to": ""})
    wait_for_result(page, "tan(x)")
    link = page.driver.current_url
    assert "op=integrate" in link
    page.driver.get("about:blank")
    page.driver.get(link)
    wait_for_result(page, "tan(x)")
    assert by_id(page, "formula").get_attribute("value") == "sec(x)^2"
    assert Select(by_id(page, "op")).first_selected_option.get_attribute("value") == "integrate"
    assert by_id(page, "wrt").get_attribute("value") == "x"
    # A notes preset is a link too. The presets are the server's answer to {"op": "notes"}.
    page.open("#view=notes")
    wait(page, lambda d: d.find_elements(By.XPATH, "//button[normalize-space()='d/dx tan(x)']"))[0].click()
    wait_for_result(page, cli("diff", "tan(x)", "x"))
    assert "expr=tan%28x%29" in page.driver.current_url


def test_the_notes_presets_are_the_servers_notes_request(page):
    """The page keeps no copy of the notes: its presets are `leibniz notes --json`."""
    notes = json.loads(cli("notes", "--json"))
    page.open("#view=notes")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#notes-list button.preset-button"))
    buttons = [b.text for b in page.driver.find_elements(By.CSS_SELECTOR, "#notes-list button.preset-button")]
    expected = [e["label"] for rule in notes["rules"] for e in rule["examples"]]
    expected += [r["label"] for table in notes["tables"] for r in table["rows"]]
    expected += [d["label"] for d in notes["derivations"]]
    expected += [n["label"] for n in notes["networks"]]
    assert buttons == expected
    errata = page.driver.find_elements(By.CSS_SELECTOR, "#notes-list li.has-erratum")
    assert len(errata) == json.dumps(notes).count('"erratum"')
    options = [o.get_attribute("value") for o in Select(by_id(page, "bp-preset")).options]
    assert options == [""] + [n["id"] for n in notes["networks"]]
    assert by_id(page, "bp-model").get_attribute("value") == notes["networks"][0]["model"]


def test_keyboard_tabs_and_labels(page):
    page.open()
    tab = by_id(page, "tab-calc")
    tab.send_keys(Keys.ARROW_RIGHT)
    assert by_id(page, "tab-check").get_attribute("aria-selected") == "true"
    assert by_id(page, "view-check").is_displayed()
    assert page.driver.switch_to.active_element == by_id(page, "tab-check")
    # Every form control has a label.
    unlabeled = page.driver.execute_script("""
        return [...document.querySelectorAll('input, select, textarea')]
          .filter(e => !e.labels || e.labels.length === 0).map(e => e.id);""")
    assert unlabeled == []
    assert by_id(page, "result-live").get_attribute("aria-live") == "polite"
