/// A node of HTML or inline SVG that escapes every text and attribute value when it renders.
///
/// This is the only way the renderers write markup. Element and attribute names are `StaticString`s, so they
/// are literals in this module and never come from data; text and attribute values are `String`s and are
/// always escaped (`&`, `<`, `>`, and in attributes `"` and `'`); control characters that HTML forbids become
/// U+FFFD. The one raw node is the style sheet, a `StaticString` literal too.
///
/// Why not Plot (JohnSundell/Plot 0.14.0): its `Attribute.render()` writes `name="value"` without escaping
/// the value, so a zone name with `"` breaks out of an attribute, and its text escaper passes through anything
/// that looks like an entity (`&amp;` stays `&amp;`, so "A&amp;B" in a record is shown as "A&B").
struct MarkupNode: Sendable {
    fileprivate enum Content: Sendable {
        case element(name: StaticString, attributes: [MarkupAttribute], children: [MarkupNode])
        case text(String)
        case styleSheet(StaticString)
    }

    fileprivate let content: Content

    /// An element with attributes (rendered in the order given) and children.
    static func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], _ children: [MarkupNode] = []
    ) -> MarkupNode {
        MarkupNode(
            content: .element(
                name: name, attributes: attributes.map { MarkupAttribute(name: $0.key, value: $0.value) },
                children: children))
    }

    /// An element with a computed attribute list.
    static func element(_ name: StaticString, attributes: [MarkupAttribute], _ children: [MarkupNode] = [])
        -> MarkupNode
    {
        MarkupNode(content: .element(name: name, attributes: attributes, children: children))
    }

    /// Text, escaped when rendered.
    static func text(_ text: String) -> MarkupNode { MarkupNode(content: .text(text)) }

    /// A `<style>` element holding a literal style sheet.
    static func styleSheet(_ css: StaticString) -> MarkupNode { MarkupNode(content: .styleSheet(css)) }

    /// The markup of this node.
    func rendered() -> String {
        var output = ""
        render(into: &output, inSVG: false)
        return output
    }

    /// HTML elements that have no end tag.
    private static let voidElements: Set<String> = ["meta", "br", "hr", "wbr"]
    /// HTML elements followed by a line break in the output, so golden files diff line by line. Inline elements
    /// are not: a line break there would add a space to the page.
    private static let blockElements: Set<String> = [
        "html", "head", "body", "header", "main", "footer", "section", "div", "p", "h1", "h2", "h3", "ul", "li",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "aside", "meta", "title",
        "style", "svg", "dl",
    ]
    /// SVG elements whose children are inline text runs: no line breaks inside them.
    private static let svgTextElements: Set<String> = ["text", "tspan", "title", "desc"]

    private func render(into output: inout String, inSVG: Bool) {
        switch content {
        case .text(let text):
            MarkupEscaping.appendText(text, to: &output)
        case .styleSheet(let css):
            output += "<style>"
            output += css.description
            output += "</style>\n"
        case .element(let staticName, let attributes, let children):
            let name = staticName.description
            let isSVG = inSVG || name == "svg"
            output += "<"
            output += name
            for attribute in attributes {
                output += " "
                output += attribute.name.description
                output += "=\""
                MarkupEscaping.appendAttributeValue(attribute.value, to: &output)
                output += "\""
            }
            if isSVG, children.isEmpty {
                output += "/>\n"
                return
            }
            output += ">"
            if !isSVG, Self.voidElements.contains(name) {
                output += "\n"
                return
            }
            let breaksInside = isSVG ? !Self.svgTextElements.contains(name) : Self.blockElements.contains(name)
            if breaksInside, children.first.map({ !$0.isText }) ?? false { output += "\n" }
            for child in children {
                child.render(into: &output, inSVG: isSVG)
            }
            output += "</"
            output += name
            output += ">"
            let breaksAfter = isSVG ? !(name == "tspan") : Self.blockElements.contains(name)
            if breaksAfter { output += "\n" }
        }
    }

    private var isText: Bool {
        if case .text = content { return true }
        return false
    }
}

/// One attribute of a ``MarkupNode`` element: a literal name and a value escaped when rendered.
struct MarkupAttribute: Sendable {
    /// The attribute's name, a literal.
    let name: StaticString
    /// The value, escaped when rendered.
    let value: String
}

/// The escaping rules of ``MarkupNode``.
enum MarkupEscaping {
    /// Appends `text` as element content: `&`, `<`, `>` escaped, forbidden control characters replaced.
    static func appendText(_ text: String, to output: inout String) {
        append(text, quotes: false, to: &output)
    }

    /// Appends `value` as a double- or single-quoted attribute value: as text, plus `"` and `'` escaped.
    static func appendAttributeValue(_ value: String, to output: inout String) {
        append(value, quotes: true, to: &output)
    }

    /// `text` escaped as element content.
    static func escapedText(_ text: String) -> String {
        var output = ""
        appendText(text, to: &output)
        return output
    }

    private static func append(_ text: String, quotes: Bool, to output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                // C0 and C1 controls and DEL are parse errors in HTML (NUL worst of all), and the bidi embedding,
                // override and isolate controls (U+202A…U+202E, U+2066…U+2069) can make an id read as another
                // (`58101-D01` shown reversed): show a replacement mark.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
                {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
