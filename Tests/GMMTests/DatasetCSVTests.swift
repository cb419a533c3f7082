import GMM
import Testing

/// ``Dataset/csvText()``: what the CSV reader reads back, and the header it writes.
@Suite("Dataset CSV text")
struct DatasetCSVTests {
    /// Values whose decimal forms are hard to read back exactly: subnormals, the extremes of
    /// double precision, negative zero, and values one ulp apart.
    static let awkward: [Double] = [
        0, -0.0, 1, -1, 0.1, 1.0 / 3, 2.0 / 3, 1e-5, 123456789.123456789, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude,
        1.7976931348623157e308, -1.7976931348623157e308, 1e22, 1e23, Double(1 << 53).nextUp, 0.30000000000000004,
        Double(1).nextUp, Double(1).nextDown, Double.pi, -Double.ulpOfOne,
    ]

    @Test func readsBackBitForBit() throws {
        var values = Self.awkward
        var rng = SeededGenerator(seed: 11)
        for _ in 0 ..< 3000 {
            // Random bit patterns cover every exponent; NaNs and infinities are not data.
            let v = Double(bitPattern: rng.next())
            if v.isFinite { values.append(v) }
        }
        values.append(contentsOf: [Double](repeating: 0, count: (3 - values.count % 3) % 3))
        let data = try Dataset(values: values, dimension: 3)
        let back = try CSVReader.parse(data.csvText(), source: "round.csv")
        #expect(back.dimension == 3 && back.count == data.count)
        let same = zip(back.values, data.values).allSatisfy { $0.bitPattern == $1.bitPattern }
        #expect(same, "a value changed on the way through CSV")
    }

    @Test func headerNamesTheColumns() throws {
        let plain = try Dataset(rows: [[1, 2.5]])
        #expect(plain.csvText() == "x,y\n1.0,2.5\n")
        let wide = try Dataset(rows: [[1, 2, 3, 4, 5]])
        #expect(wide.csvText().hasPrefix("x,y,z,x4,x5\n"))
        let named = try Dataset(rows: [[1, 2]], columnNames: ["width", "height"])
        #expect(named.csvText() == "width,height\n1.0,2.0\n")
        #expect(try CSVReader.parse(named.csvText(), source: "n.csv").columnNames == ["width", "height"])
    }

    /// A name that would not read back as a header cell (a comma, a number) gives way to the
    /// generic names, so the header row is still a header.
    @Test func unreadableNamesGiveWayToGenericOnes() throws {
        let comma = try Dataset(rows: [[1, 2]], columnNames: ["a,b", "c"])
        #expect(comma.csvText().hasPrefix("x,y\n"))
        let number = try Dataset(rows: [[1, 2]], columnNames: ["1", "c"])
        let back = try CSVReader.parse(number.csvText(), source: "n.csv")
        #expect(back.count == 1 && back.columnNames == ["x", "y"])
    }
}
