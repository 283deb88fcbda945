#!/usr/bin/env python3
"""Drives the Lanyard pages in a real headless Chromium at phone size (390x844), as a person
at a booth would: open the printed URL, log in with the access token, add the event, open the
check-in form, check someone in, and read the answer.

Usage: browser-checkin.py --url http://127.0.0.1:PORT --token TOKEN --expect-text TEXT
                          [--screenshot-dir DIR]
Prints one line per step; exits 1 with the reason (and a screenshot when asked) on failure.
Needs selenium 4.49 (Scripts/bootstrap puts it in .venv), /usr/bin/chromium and chromedriver.
"""
import argparse
import os
import sys
import tempfile
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server's base URL")
    parser.add_argument("--token", required=True, help="the access token")
    parser.add_argument("--expect-text", required=True, help="text the check-in answer must show")
    parser.add_argument("--screenshot-dir", help="save a PNG of each page here")
    args = parser.parse_args()
    base = args.url.rstrip("/")

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="lanyard-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
                 "--disable-dev-shm-usage", "--no-first-run", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # A desktop window cannot be narrower than 500px; emulate the phone's viewport instead.
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    shot = 0

    def snap(name):
        nonlocal shot
        if args.screenshot_dir:
            shot += 1
            os.makedirs(args.screenshot_dir, exist_ok=True)
            driver.save_screenshot(os.path.join(args.screenshot_dir, f"{shot:02d}-{name}.png"))

    def submit(selector):
        """Clicks a submit button and waits for the next page to replace this one."""
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, selector).click()
        WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))

    def follow(link_text):
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.LINK_TEXT, link_text).click()
        WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))

    def path():
        return urlparse(driver.current_url).path

    def fits_phone():
        viewport = driver.execute_script("return window.innerWidth")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        check(viewport == 390, f"the viewport is {viewport}px wide, not the phone's 390px")
        check(width <= viewport, f"{path()} is {width}px wide: it scrolls sideways on a {viewport}px phone")

    try:
        # The printed URL sends a browser without a session to the login form.
        driver.get(base + "/")
        check(path() == "/login", f"expected the login page, got {driver.current_url}")
        fits_phone()
        snap("login")
        print("step: / redirects to /login")

        driver.find_element(By.ID, "token").send_keys(args.token)
        submit("form[action='/login'] button[type=submit]")
        check(path() == "/app/checkin", f"after login expected /app/checkin, got {driver.current_url}")
        check(driver.find_element(By.TAG_NAME, "h1").text == "Check in", "the check-in page has no 'Check in' title")
        print("step: logged in, on the check-in page")

        # Add the event through the events page.
        follow("Events")
        check(path() == "/app/events", f"expected /app/events, got {driver.current_url}")
        driver.find_element(By.ID, "name").send_keys("SwiftConf 2026")
        driver.find_element(By.ID, "slug").send_keys("swiftconf-2026")
        driver.find_element(By.ID, "series").send_keys("SwiftConf")
        # Date inputs take typed text in the locale's order; set the ISO value the form posts.
        driver.execute_script("document.getElementById('start').value = '2026-09-14'")
        driver.execute_script("document.getElementById('end').value = '2026-09-15'")
        driver.find_element(By.ID, "city").send_keys("Berlin")
        snap("events-form")
        submit("form[action='/app/events'] button[type=submit]")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("Added SwiftConf 2026." in body, f"no confirmation after adding the event:\n{body}")
        check("swiftconf-2026" in driver.find_element(By.ID, "events").text, "the new event is not listed")
        fits_phone()
        snap("events")
        print("step: added SwiftConf 2026 through the events page")

        # The check-in form offers it, and takes a person.
        follow("Check in")
        select = Select(driver.find_element(By.ID, "event"))
        check(select.first_selected_option.get_attribute("value") == "swiftconf-2026",
              "the check-in form does not offer the new event")
        for field in ("name", "company", "email", "phone", "booth", "note", "badge"):
            check(driver.find_elements(By.NAME, field), f"the check-in form has no {field} field")
        fits_phone()
        snap("checkin-form")
        driver.find_element(By.ID, "name").send_keys("Liz Tay")
        driver.find_element(By.ID, "company").send_keys("Example GmbH")
        driver.find_element(By.ID, "email").send_keys("liz@example.org")
        driver.find_element(By.ID, "booth").send_keys("12")
        driver.find_element(By.ID, "note").send_keys("asked about marathon training")
        submit("form[action='/app/checkin'] button[type=submit]")
        answer = driver.find_element(By.TAG_NAME, "main").text
        snap("checkin-answer")
        check(args.expect_text in answer, f"the check-in answer does not say {args.expect_text!r}:\n{answer}")
        print(f"step: checked in Liz Tay; the answer says {args.expect_text!r}")
        print("ok")
        return 0
    except Failure as failure:
        snap("failure")
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
