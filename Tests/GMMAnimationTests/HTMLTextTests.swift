import Testing
@testable import GMMAnimation

@Suite("HTML text")
struct HTMLTextTests {
    /// User text is text: markup and `</script>` are escaped in HTML and in the JSON data.
    @Test func userTextIsEscaped() {
        #expect(HTMLText.escaped("<img src=x onerror=\"a('b')\"> & co") == "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co")
        #expect(HTMLText.jsonString("</script>\u{2028}\"\\\n") == "\"\\u003c/script\\u003e\\u2028\\\"\\\\\\n\"")
    }
}
