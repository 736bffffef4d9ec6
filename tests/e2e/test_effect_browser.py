"""Journey: a manager imports placements on the effect page, downloads Gladsaxe's report and opens it (offline)."""

from __future__ import annotations

from playwright.sync_api import expect

from seconomy import store
from tests.e2e.conftest import SCREENSHOTS, wait_for_app

PLACEMENTS = ("deltager;kommune;ordning;start;slut;pris pr. uge;udfald;score start;score slut\n"
              "HV-101;Herlev;Virksomhedspraktik;02-03-2026;22-05-2026;2.700,00;job;3;6\n"
              "HV-102;Herlev Kommune;Ressourceforløb;06-04-2026;;2.700,00;;4;\n"
              "HV-103;163;Mentor;04-05-2026;26-06-2026;2.700,00;afbrudt;;\n")
OWN_TEXT = ("I 2026 har vi sammen med jobcentret udviklet et nyt praktikforløb i gartneriet.\n\n"
            "Vi vil gerne fortsætte samarbejdet og høre jeres ønsker til næste år.")


def test_import_placements_and_download_a_municipalitys_report(page, demo_server, tmp_path):
    page.goto(demo_server.url)
    wait_for_app(page)
    page.get_by_role("link", name="Effekt og relationer").click()
    expect(page.get_by_role("heading", name="Effekt og relationer")).to_be_visible(timeout=15_000)
    wait_for_app(page)

    page.get_by_role("tab", name="Forløb").click()
    wait_for_app(page)
    upload = tmp_path / "forloeb.csv"
    upload.write_text(PLACEMENTS, encoding="utf-8")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(upload))
    expect(page.get_by_text("Importen vil tilføje 3")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="Importér").click()
    expect(page.get_by_text("Importeret: 3 tilføjet")).to_be_visible(timeout=20_000)
    wait_for_app(page)
    with store.session(demo_server.db) as con:
        stored = con.execute("SELECT participant_code, municipality_code, outcome FROM placements "
                             "WHERE participant_code LIKE 'HV-1%' ORDER BY 1").fetchall()
    assert stored == [("HV-101", 163, "job"), ("HV-102", 163, None), ("HV-103", 163, "dropped_out")]

    page.locator('[data-testid="stSelectbox"]').first.click()  # the municipality picker, above the tabs
    page.keyboard.type("Gladsaxe")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_role("tab", name="Effekt", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Gladsaxe")).to_be_visible(timeout=15_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "effect.png"))

    page.get_by_role("tab", name="Rapport til kommunen").click()
    wait_for_app(page)
    page.get_by_role("textbox", name="Jeres egne ord til kommunen").fill(OWN_TEXT)
    page.keyboard.press("Tab")  # a text area applies its text when it loses focus; the script reruns
    page.wait_for_timeout(800)
    wait_for_app(page)
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Hent rapport (HTML til print)").click()
    report = tmp_path / "effekt_Gladsaxe.html"
    download.value.save_as(report)
    assert download.value.suggested_filename == "effekt_Gladsaxe.html"
    html = report.read_text(encoding="utf-8")
    assert "Dokumenteret effekt for Gladsaxe Kommune" in html and "nyt praktikforløb i gartneriet" in html
    assert "GV-0" not in html and "HV-1" not in html  # no participant codes

    viewer = page.context.new_page()
    viewer.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    viewer.set_viewport_size({"width": 900, "height": 1300})
    viewer.goto(report.as_uri())
    expect(viewer.get_by_role("heading", name="Dokumenteret effekt for Gladsaxe Kommune")).to_be_visible()
    viewer.screenshot(path=str(SCREENSHOTS / "effect_report.png"), full_page=True)
    viewer.close()
