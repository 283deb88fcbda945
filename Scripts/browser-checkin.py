#!/usr/bin/env python3
"""Drives the Lanyard pages in a real headless Chromium at phone size (390x844), as a person
at a booth would: open the printed URL, log in with the access token, add two editions of a
conference, check Liz in at the first (booth 12), note through the API that she likes to talk
about marathons, check her in at the later edition by name and company (answering "Same person"
if the page asks), read the recognition answer, and open her page.

Usage: browser-checkin.py --url http://127.0.0.1:PORT --token TOKEN --expect-text TEXT
                          [--screenshot-dir DIR]
Prints one line per step; exits 1 with the reason (and a screenshot when asked) on failure.
Needs selenium 4.49 (Scripts/bootstrap puts it in .venv), /usr/bin/chromium and chromedriver.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
from urllib.parse import urlparse
from urllib.request import Request, urlopen

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
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

    def replaced(old):
        """A wait condition: the old page's root is gone. Chromium sometimes answers a query on a
        node of the page being replaced with an inspector error instead of a stale-element one;
        either way the page was replaced."""
        def gone(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True
        return gone

    def submit(selector):
        """Clicks a submit button and waits for the next page to replace this one."""
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, selector).click()
        WebDriverWait(driver, 15).until(replaced(old))

    def follow(link_text):
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.LINK_TEXT, link_text).click()
        WebDriverWait(driver, 15).until(replaced(old))

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

        # Add two editions through the events page.
        def add_event(name, slug, start, end):
            follow("Events")
            check(path() == "/app/events", f"expected /app/events, got {driver.current_url}")
            if not driver.find_element(By.ID, "name").is_displayed():
                driver.find_element(By.CSS_SELECTOR, "details summary").click()
            driver.find_element(By.ID, "name").send_keys(name)
            driver.find_element(By.ID, "slug").send_keys(slug)
            driver.find_element(By.ID, "series").send_keys("SwiftConf")
            # Date inputs take typed text in the locale's order; set the ISO value the form posts.
            driver.execute_script(f"document.getElementById('start').value = '{start}'")
            driver.execute_script(f"document.getElementById('end').value = '{end}'")
            driver.find_element(By.ID, "city").send_keys("Berlin")
            snap("events-form")
            submit("form[action='/app/events'] button[type=submit]")
            body = driver.find_element(By.TAG_NAME, "body").text
            check(f"Added {name}." in body, f"no confirmation after adding the event:\n{body}")
            check(slug in driver.find_element(By.ID, "events").text, "the new event is not listed")
            fits_phone()
            print(f"step: added {name} through the events page")

        add_event("SwiftConf 2025", "swiftconf-2025", "2025-09-15", "2025-09-16")
        add_event("SwiftConf 2026", "swiftconf-2026", "2026-09-14", "2026-09-15")
        snap("events")

        def check_in(slug, fields):
            follow("Check in")
            Select(driver.find_element(By.ID, "event")).select_by_value(slug)
            for field in ("name", "company", "email", "phone", "booth", "note", "badge"):
                check(driver.find_elements(By.NAME, field), f"the check-in form has no {field} field")
            fits_phone()
            for field, value in fields.items():
                driver.find_element(By.ID, field).send_keys(value)
            snap("checkin-form")
            submit("form[action='/app/checkin'] button[type=submit]")
            if driver.find_element(By.TAG_NAME, "h1").text == "Same person?":
                fits_phone()
                snap("same-person")
                submit("#candidates form button[type=submit]")
                print("step: asked 'Same person?'; chose the first candidate")
            check(driver.find_elements(By.ID, "recognition"), "no recognition answer:\n" + driver.find_element(By.TAG_NAME, "main").text)
            fits_phone()
            snap("checkin-answer")
            return driver.find_element(By.ID, "recognition")

        # First meeting, at the 2025 edition.
        answer = check_in("swiftconf-2025", {"name": "Liz Moreau", "company": "Example GmbH", "email": "liz@example.org",
                                             "booth": "12", "note": "training for a marathon"})
        check("New contact: Liz Moreau" in answer.text, f"the first check-in does not say New contact:\n{answer.text}")
        person = answer.find_element(By.PARTIAL_LINK_TEXT, "page").get_attribute("href")
        person_id = urlparse(person).path.rsplit("/", 1)[-1]
        print(f"step: checked in Liz Moreau at SwiftConf 2025 (person {person_id})")

        # What to ask her about, through the JSON API with the token.
        request = Request(f"{base}/people/{person_id}/facts/ask-about", method="PUT",
                          data=json.dumps({"value": "marathon"}).encode(),
                          headers={"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"})
        with urlopen(request, timeout=15) as response:
            check(response.status == 200, f"PUT fact answered {response.status}")
        print("step: set fact ask-about = marathon through the API")

        # A year later, at the next edition: Liz, by name and company (no email this time).
        answer = check_in("swiftconf-2026", {"name": "Liz Moreau", "company": "Example GmbH", "booth": "3"})
        check(args.expect_text in answer.text, f"the check-in answer does not say {args.expect_text!r}:\n{answer.text}")
        print(f"step: checked in Liz at SwiftConf 2026; the answer says {args.expect_text!r}")

        # Her page shows both meetings.
        old = driver.find_element(By.TAG_NAME, "html")
        answer.find_element(By.PARTIAL_LINK_TEXT, "page").click()
        WebDriverWait(driver, 15).until(replaced(old))
        meetings = driver.find_element(By.ID, "meetings").text
        check("SwiftConf 2025" in meetings and "SwiftConf 2026" in meetings, f"the person page does not list both meetings:\n{meetings}")
        fits_phone()
        snap("person")
        print("step: the person page lists both meetings")
        print("ok")
        return 0
    except Failure as failure:
        snap("failure")
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
