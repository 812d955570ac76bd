import Testing
import JewishCalendar

@Test func smoke() throws {
    #expect(try GregorianDate(year: 2017, month: 7, day: 23).hebrewDate.description == "29 Tamuz 5777")
}
