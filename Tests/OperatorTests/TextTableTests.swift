import Operator
import Testing

@Suite struct TextTableTests {
    @Test func columnsAreAlignedTwoSpacesApartWithoutTrailingSpaces() {
        var table = TextTable(headers: ["SERVICE", "PARKED", "ERROR"])
        table.append(["notifications", "2", "missing field name"])
        table.append(["matching", "0"])
        #expect(
            table.render() == """
                SERVICE        PARKED  ERROR
                notifications  2       missing field name
                matching       0
                """)
    }
}
