#!/usr/bin/env python3
"""The browser app in a real browser (Chromium through chromium-driver and Selenium).

Run by BrowserTests.swift against a server it started:
  browser_test.py BASE_URL NAME PASSWORD ERRORS_CSV VALID_CSV OWN_ZONE OTHER_ZONE PERIOD
Logs in as a station account, uploads a file with errors and sees them listed by line:column on the upload's job
page, imports a valid file, opens its zone report, follows a figure of the metrics table to its records, and fails to open another station's
report. Exit 0 when every step passed.
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def main():
    base, name, password, errors_csv, valid_csv, own_zone, other_zone, period = sys.argv[1:9]
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1200,1600"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # Generous: in the full suite the server shares two cores with every other test, and a page or an import can
    # wait its turn for a minute or more.
    driver.set_page_load_timeout(300)
    steps = 0
    try:
        driver.get(base + "/login")
        driver.find_element(By.ID, "name").send_keys(name)
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form.app-form button").click()
        check(name in driver.find_element(By.CLASS_NAME, "app-user").text, "logged in")
        steps += 1

        def upload(path, mode):
            driver.get(base + "/upload")
            Select(driver.find_element(By.ID, "dataset")).select_by_value("enforcement")
            Select(driver.find_element(By.ID, "mode")).select_by_value(mode)
            driver.find_element(By.ID, "file").send_keys(path)
            driver.find_element(By.CSS_SELECTOR, "form.app-form button").click()
            # The result page comes after the file is checked or imported: wait for its verdict (a busy machine
            # can take seconds), not only for the click to return.
            # The upload becomes a job: the browser lands on its page, which reloads itself (a meta refresh, no
            # script) while the file waits or runs, then shows the result.
            WebDriverWait(driver, 300).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.app-ok, p.app-error"))
            check("/imports/" in driver.current_url, "the result is the job's page: %s" % driver.current_url)

        upload(errors_csv, "check")
        cells = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.diagnostics td")]
        check("4:2" in cells, "the invalid date of line 4, column 2 is listed: %r" % cells[:12])
        check(len(driver.find_elements(By.CSS_SELECTOR, "p.app-error")) == 1, "the check says nothing was written")
        steps += 1

        upload(valid_csv, "import")
        check(
            len(driver.find_elements(By.CSS_SELECTOR, "p.app-ok")) == 1,
            "the valid file was imported; the page says: %r" % driver.find_element(By.TAG_NAME, "body").text[:800])
        steps += 1

        driver.get(base + "/reports")
        form = driver.find_element(By.CSS_SELECTOR, "form[action='/reports/zone']")
        Select(form.find_element(By.NAME, "id")).select_by_value(own_zone)
        period_field = form.find_element(By.NAME, "period")
        period_field.clear()
        period_field.send_keys(period)
        form.find_element(By.TAG_NAME, "button").click()
        check(own_zone in driver.page_source and "<h1" in driver.page_source, "the zone report opened")
        steps += 1

        driver.get(base + "/metrics?period=" + period)
        links = driver.find_elements(By.CSS_SELECTOR, "table.metrics a")
        check(links, "the metrics table links its counts to their records")
        count = links[0].text
        links[0].click()
        body = driver.find_element(By.TAG_NAME, "body").text
        check(("%s 件" % count) in body, "the figure %s opens as many records: %r" % (count, body[:400]))
        steps += 1

        driver.get(base + "/reports/zone?id=%s&period=%s" % (other_zone, period))
        check(driver.find_element(By.TAG_NAME, "h1").text == "403", "another station's report is refused")
        steps += 1
    finally:
        driver.quit()
    print("browser test: %d steps passed" % steps)


def check(condition, what):
    if not condition:
        print("browser test failed: " + what, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
