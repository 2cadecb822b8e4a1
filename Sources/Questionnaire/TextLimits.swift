/// How long each kind of module text may be, in characters, in any language.
///
/// The limits come from the screen: a level descriptor must fit two lines of a 76-column
/// text area, a title one line of a list; longer texts are cut or wrapped badly on an 80×24
/// terminal, which is where a participant will read them.
public enum TextLimits {
    public static let title = 60
    public static let optionLabel = 60
    public static let unit = 20
    public static let prompt = 300
    public static let help = 600
    public static let intro = 1200
    /// Two lines of 76 columns: the character cap, checked first.
    public static let levelDescriptor = 152
    /// The text area a descriptor is wrapped into on the item screen.
    public static let descriptorWidth = 76
    /// How many wrapped lines a descriptor may take. Word wrapping wastes the end of a line, so
    /// a descriptor under 152 characters can still need a third line; this is the real test.
    public static let descriptorLines = 2
}
