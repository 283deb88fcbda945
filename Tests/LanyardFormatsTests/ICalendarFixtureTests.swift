import Foundation
import LanyardFormats
import Testing

/// Every iCalendar file of `Fixtures/ical` (from the python icalendar project) is either read
/// into calendars or refused with a message naming its line; none crashes.
@Suite("iCalendar fixtures")
struct ICalendarFixtureTests {
    enum Expected {
        /// Reads into `count` calendars holding `events` VEVENTs, `usable` of them with the
        /// SUMMARY and DTSTART an edition needs.
        case calendars(Int, events: Int, usable: Int)
        /// Refused, the error naming this line.
        case refused(line: Int)
    }

    /// Component fragments (a bare VEVENT) are refused at line 1: a calendar file starts with
    /// BEGIN:VCALENDAR. Broken time properties of a VEVENT (DTSTART, RDATE, EXDATE, DURATION,
    /// RRULE) and broken content lines are refused at their line.
    static let expected: [String: Expected] = [
        "Index_Error.ics": .refused(line: 1),  // not UTF-8 text (save the calendar as UTF-8)
        "Type_Error.ics": .refused(line: 3),  // not UTF-8 text (save the calendar as UTF-8)
        "alarm_etar_future.ics": .calendars(1, events: 1, usable: 1),
        "alarm_etar_notification.ics": .calendars(1, events: 1, usable: 1),
        "alarm_etar_notification_clicked.ics": .calendars(1, events: 1, usable: 1),
        "alarm_google_acknowledged.ics": .calendars(1, events: 1, usable: 1),
        "alarm_google_future.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_2_future.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_2_notification_5_min_postponed.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_2_notification_5_min_postponed_and_closed.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_2_notification_5_min_postponed_and_popped_up.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_2_notification_popped_up.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_closed.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_future.ics": .calendars(1, events: 1, usable: 1),
        "alarm_thunderbird_snoozed_until_1457.ics": .calendars(1, events: 1, usable: 1),
        "america_new_york.ics": .calendars(1, events: 1, usable: 1),
        "america_new_york_forward_reference.ics": .calendars(1, events: 1, usable: 1),
        "big_bad_calendar.ics": .refused(line: 1),  // BEGIN:VCALENDAR without END:VCALENDAR
        "bom_calendar.ics": .calendars(1, events: 0, usable: 0),
        "broken_dtstart.ics": .refused(line: 6),  // invalid date "INVALID-DATE" (expected YYYYMMDD or YYYYMMDDTH
        "broken_ical.ics": .refused(line: 4),  // empty parameter (";;" or ";:") in "DTSTART;;VALUE=DATE-TIME:
        "calendar_with_unicode.ics": .calendars(1, events: 0, usable: 0),
        "created_calendar_with_unicode_fields.ics": .calendars(1, events: 3, usable: 2),
        "empty.ics": .calendars(1, events: 0, usable: 0),
        "empty_RDATE.ics": .calendars(1, events: 0, usable: 0),
        "event_with_escaped_character1.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_escaped_character2.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_escaped_character3.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_escaped_character4.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_escaped_characters.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_recurrence.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_recurrence_exdates_on_different_lines.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_rsvp.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_unicode_fields.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "event_with_unicode_organizer.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "example.ics": .calendars(1, events: 3, usable: 3),
        "fuzz_testcase_0_char_in_component_name.ics": .refused(line: 1),  // control character U+0000 in the line
        "fuzz_testcase_invalid_month.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:V (a calendar file sta
        "fuzz_testcase_vtimezone_lone_cr.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VTIMEZONE (a calendar 
        "invalid_duration.ics": .refused(line: 8),  // invalid duration "P999999999999999999W" (expected like PT1H3
        "issue_100_transformed_doctests_into_unittests.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_101_icalendar_chokes_on_umlauts_in_organizer.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_104_broken_calendar.ics": .refused(line: 13),  // expected NAME:VALUE, found "X"
        "issue_104_mark_events_broken.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_1050_all_components.ics": .calendars(1, events: 1, usable: 1),
        "issue_1050_calendar_with_events_and_todos.ics": .calendars(1, events: 2, usable: 2),
        "issue_1050_empty_calendar.ics": .calendars(1, events: 0, usable: 0),
        "issue_1050_forward_timezone_reference.ics": .calendars(1, events: 1, usable: 1),
        "issue_1050_multiple_calendars.ics": .calendars(2, events: 2, usable: 0),
        "issue_1050_simple_calendar.ics": .calendars(1, events: 1, usable: 1),
        "issue_1050_timezone_only_calendar.ics": .calendars(1, events: 0, usable: 0),
        "issue_1050_uid_in_description.ics": .calendars(1, events: 2, usable: 0),
        "issue_1081_empty_rdate.ics": .refused(line: 7),  // empty value
        "issue_1081_event_with_rrule.ics": .calendars(1, events: 1, usable: 1),
        "issue_1081_freebusy_comma_separated.ics": .calendars(1, events: 0, usable: 0),
        "issue_1081_invalid_rrule_freq.ics": .refused(line: 7),  // unknown FREQ "INVALID_TYPE_CAUSES_ERROR"
        "issue_1081_invalid_start_and_end.ics": .refused(line: 6),  // invalid date "INVALID-DATE" (expected YYYYMMDD or YYYYMMDDTH
        "issue_1081_invalid_start_valid_end.ics": .refused(line: 6),  // invalid date "INVALID-DATE" (expected YYYYMMDD or YYYYMMDDTH
        "issue_1081_list_of_properties.ics": .calendars(1, events: 1, usable: 1),
        "issue_1081_tzid_param.ics": .calendars(1, events: 1, usable: 1),
        "issue_1081_with_summary.ics": .calendars(1, events: 1, usable: 0),
        "issue_112_missing_tzinfo_on_exdate.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_1231_recurrence.ics": .calendars(1, events: 1, usable: 1),
        "issue_1238.ics": .calendars(1, events: 0, usable: 0),
        "issue_127_categories_with_commas.ics": .calendars(1, events: 1, usable: 1),
        "issue_1426.ics": .calendars(1, events: 1, usable: 0),
        "issue_1426_value_parameters.ics": .calendars(1, events: 1, usable: 0),
        "issue_1549_binary_attachment.ics": .calendars(1, events: 1, usable: 0),
        "issue_1561_image_value.ics": .calendars(1, events: 4, usable: 0),
        "issue_156_RDATE_with_PERIOD.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_156_RDATE_with_PERIOD_TZID_khal.ics": .calendars(1, events: 1, usable: 1),
        "issue_156_RDATE_with_PERIOD_TZID_khal_2.ics": .calendars(1, events: 1, usable: 1),
        "issue_156_RDATE_with_PERIOD_list.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_157_removes_trailing_semicolon.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_1633_freebusy_with_dates.ics": .calendars(1, events: 0, usable: 0),
        "issue_1633_rdate_with_dates.ics": .calendars(1, events: 1, usable: 0),
        "issue_1633_rdate_with_dates_and_tzid.ics": .calendars(1, events: 1, usable: 0),
        "issue_165_missing_event.ics": .calendars(1, events: 1, usable: 1),
        "issue_168_expected_output.ics": .calendars(1, events: 1, usable: 0),
        "issue_168_input.ics": .refused(line: 6),  // expected NAME:VALUE, found "X-APPLE-RADIUS=49.91307046514149
        "issue_178_component_with_invalid_name_represented.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:MYCOMP (a calendar fil
        "issue_178_custom_component_contains_other.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:MYCOMPTOO (a calendar 
        "issue_178_custom_component_inside_other.ics": .calendars(1, events: 0, usable: 0),
        "issue_184_broken_representation_of_period.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_218_bad_tzid.ics": .calendars(1, events: 1, usable: 1),
        "issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics": .calendars(1, events: 1, usable: 0),
        "issue_27_multiple_periods_in_freebusy_multiple_freebusies.ics": .calendars(1, events: 0, usable: 0),
        "issue_27_multiple_periods_in_freebusy_one_freebusy.ics": .calendars(1, events: 0, usable: 0),
        "issue_313_globally_unique_tzid.ics": .calendars(1, events: 3, usable: 3),
        "issue_321_assert_dst_offset_is_not_false.ics": .calendars(1, events: 1, usable: 1),
        "issue_322_expected_calendar.ics": .calendars(1, events: 1, usable: 0),
        "issue_348_exception_parsing_value.ics": .refused(line: 8),  // expected NAME:VALUE, found "ORGANIZER;CN=Sixt SE"
        "issue_350.ics": .refused(line: 36),  // property outside BEGIN:VCALENDAR
        "issue_351_whitespace_in_property_and_params.ics": .refused(line: 4),  // invalid property name "REFRESH - INTERVAL"
        "issue_464_invalid_rdate.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_466_convert_tzid_with_slash.ics": .calendars(1, events: 1, usable: 1),
        "issue_466_respect_unique_timezone.ics": .calendars(1, events: 1, usable: 1),
        "issue_526_calendar_with_different_events.ics": .calendars(1, events: 2, usable: 2),
        "issue_526_calendar_with_event_subset.ics": .calendars(1, events: 1, usable: 1),
        "issue_526_calendar_with_events.ics": .calendars(1, events: 2, usable: 2),
        "issue_526_calendar_with_shuffeled_events.ics": .calendars(1, events: 2, usable: 2),
        "issue_53_description_parsed_properly.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_64_event_with_ascii_summary.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_64_event_with_non_ascii_summary.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_70_rrule_causes_attribute_error.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_722_missing_VTIMEZONE_custom.ics": .calendars(1, events: 1, usable: 0),
        "issue_722_missing_timezones.ics": .calendars(1, events: 3, usable: 1),
        "issue_722_timezone_transition_ambiguity.ics": .calendars(1, events: 4, usable: 4),
        "issue_798_freebusy.ics": .calendars(1, events: 0, usable: 0),
        "issue_798_related_to.ics": .calendars(1, events: 2, usable: 0),
        "issue_82_expected_output.ics": .refused(line: 1),  // expected BEGIN:VCALENDAR, found BEGIN:VEVENT (a calendar fil
        "issue_836_do_not_quote_tzid.ics": .calendars(1, events: 1, usable: 1),
        "multiple_calendar_components.ics": .calendars(2, events: 3, usable: 3),
        "multiple_timezones.ics": .refused(line: 23),  // invalid date "083000" (expected YYYYMMDD or YYYYMMDDTHHMMSS[
        "pacific_fiji.ics": .calendars(1, events: 1, usable: 1),
        "parsing_error.ics": .refused(line: 19),  // empty value
        "parsing_error_in_UTC_offset.ics": .refused(line: 7),  // invalid UTC offset "+5744" (expected +HHMM or -HHMM)
        "period_with_timezone.ics": .calendars(1, events: 1, usable: 1),
        "pr_480_summary_with_colon.ics": .refused(line: 1),  // BEGIN:VCALENDAR without END:VCALENDAR
        "property_params.ics": .calendars(1, events: 1, usable: 1),
        "rfc_5545_RDATE_example.ics": .calendars(1, events: 6, usable: 0),
        "rfc_6868.ics": .calendars(1, events: 1, usable: 0),
        "rfc_7256_multi_value_parameters.ics": .calendars(1, events: 2, usable: 0),
        "rfc_7265_appendix_example_1_ical.ics": .calendars(1, events: 1, usable: 1),
        "rfc_7265_appendix_example_2_ical.ics": .calendars(1, events: 2, usable: 2),
        "rfc_7265_example_1.ics": .calendars(1, events: 0, usable: 0),
        "rfc_7529.ics": .calendars(1, events: 4, usable: 4),
        "rfc_7953_3.ics": .calendars(1, events: 0, usable: 0),
        "rfc_7986_conferences.ics": .calendars(1, events: 1, usable: 0),
        "rfc_7986_image.ics": .calendars(1, events: 2, usable: 0),
        "rfc_7986_properties.ics": .calendars(1, events: 0, usable: 0),
        "rfc_9253_examples.ics": .calendars(1, events: 2, usable: 0),
        "rfc_9253_gap.ics": .calendars(1, events: 2, usable: 0),
        "rfc_9253_related_to.ics": .calendars(1, events: 1, usable: 0),
        "small_bad_calendar.ics": .refused(line: 1),  // BEGIN:VCALENDAR without END:VCALENDAR
        "time.ics": .calendars(1, events: 0, usable: 0),
        "timezone_rdate.ics": .refused(line: 53),  // expected NAME:VALUE, found "SUMMARY=testevent"
        "timezone_same_start.ics": .calendars(1, events: 1, usable: 1),
        "timezone_same_start_and_offset.ics": .refused(line: 23),  // END:VCALENDARD closes BEGIN:VCALENDAR of line 1
        "timezoned.ics": .calendars(1, events: 1, usable: 1),
        "x_location.ics": .calendars(1, events: 1, usable: 1),
    ]

    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/ical")
    }

    @Test("every fixture is classified")
    func everyFixtureIsListed() throws {
        // Given the fixture folder
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".ics") }
        // Then each file has an expectation, and each expectation a file
        #expect(names.count > 100)
        #expect(Set(names) == Set(Self.expected.keys))
    }

    @Test("each fixture reads or is refused at its line", arguments: expected.keys.sorted())
    func fixture(_ name: String) throws {
        // Given a fixture file
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        // When it is read
        let result = Result { try ICalendarReader.parse(data: data) }
        // Then the outcome is the expected one
        switch (Self.expected[name]!, result) {
        case let (.calendars(count, events, usable), .success(calendars)):
            #expect(calendars.count == count)
            #expect(calendars.flatMap(\.events).count == events)
            #expect(calendars.flatMap(\.events).filter { $0.summary != nil && $0.start != nil }.count == usable)
        case let (.refused(line), .failure(error)):
            let formatError = try #require(error as? FormatError)
            #expect(formatError.line == line)
            #expect(formatError.description.contains("line \(line)"))
        case let (expected, outcome):
            Issue.record("\(name): expected \(expected), got \(outcome)")
        }
    }
}
