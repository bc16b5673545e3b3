import Foundation

extension Literal {
    /// An `xsd:decimal` in the canonical form that every serializer writes faithfully ("5080000000.0", "0.404").
    public static func decimal(_ value: Decimal) -> Literal {
        var s = "\(value)"
        if !s.contains(".") { s += ".0" }
        if s.hasPrefix(".") { s = "0" + s }
        if s.hasPrefix("-.") { s = "-0" + s.dropFirst() }
        return Literal(s, datatype: XSD.decimal)
    }

    public static func boolean(_ value: Bool) -> Literal { Literal(value ? "true" : "false", datatype: XSD.boolean) }
}
