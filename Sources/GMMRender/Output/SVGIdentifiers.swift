/// Makes Cairo's SVG output reproducible.
///
/// Cairo 1.16 names the page group `id="surfaceN"` after the surface's process-wide serial
/// number, so the same scene rendered twice in one process (or in a different order) gives
/// different bytes; an embedded image is likewise `imageN` after its source surface. This
/// renumbers every `surfaceN` and `imageN` identifier in order of first appearance — in
/// `id="…"` and in `#…` references alike — so equal drawings give equal files.
enum SVGIdentifiers {
    static func normalize(_ svg: [UInt8]) -> [UInt8] {
        renumber(renumber(svg, word: "surface"), word: "image")
    }

    static func renumber(_ svg: [UInt8], word text: String) -> [UInt8] {
        let word = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(svg.count)
        var numbers = [ArraySlice<UInt8>: Int]()
        var i = 0
        while i < svg.count {
            let preceded = i > 0 && (svg[i - 1] == UInt8(ascii: "\"") || svg[i - 1] == UInt8(ascii: "#"))
            if preceded, svg[i] == word[0], i + word.count < svg.count, Array(svg[i ..< i + word.count]) == word {
                var end = i + word.count
                while end < svg.count, svg[end] >= UInt8(ascii: "0"), svg[end] <= UInt8(ascii: "9") { end += 1 }
                if end > i + word.count {
                    let digits = svg[(i + word.count) ..< end]
                    let n = numbers[digits] ?? (numbers.count + 1)
                    numbers[digits] = n
                    out.append(contentsOf: word)
                    out.append(contentsOf: Array(String(n).utf8))
                    i = end
                    continue
                }
            }
            out.append(svg[i])
            i += 1
        }
        return out
    }
}
