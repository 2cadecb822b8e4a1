import Testing
@testable import Questionnaire

/// One test per kind of problem a consultant can make in a module file: each checks the code,
/// the position, and that the message says what is wrong and what to do.
@Suite struct LoaderErrorTests {
    /// The only diagnostic for `yaml`, failing the test when there is not exactly one.
    private func single(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> ModuleDiagnostic? {
        let diagnostics = parse(yaml).diagnostics
        #expect(diagnostics.count == 1, "expected one diagnostic, got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        return diagnostics.first
    }

    @Test func theSampleModuleIsValid() throws {
        let module = try sampleModule()
        #expect(module.id == "sample")
        #expect(module.items.count == 6)
        #expect(module.languages == [.english, .polish])
    }

    @Test func unknownKeySuggestsTheNearestOne() throws {
        // One typo is one problem: the missing "prompt" it stands for is not reported again.
        let diagnostic = try #require(single(validModule(replacingLine: 12, with: "        promt: {en: Who owns it?, pl: Kto?}")))
        #expect(diagnostic.code == .unknownKey)
        #expect(diagnostic.line == 12 && diagnostic.column == 9)
        #expect(diagnostic.description == #"test.yaml:12:9: error: unknown key "promt" in item "sample.first.owner". Did you mean "prompt"?"#)
    }

    @Test func unknownKeyWithoutNearMatchListsTheAllowedKeys() throws {
        let diagnostic = try #require(single(validModule(inserting: "colour: blue", beforeLine: 2)))
        #expect(diagnostic.code == .unknownKey)
        #expect((diagnostic.line, diagnostic.column) == (2, 1))
        #expect(diagnostic.fix.contains("id, version, languages, title, intro, dimensions"))
    }

    @Test func missingIDIsReportedAtItsMapping() throws {
        let yaml = validModule(replacingLine: 10, with: "      - kind: maturity")
            .replacingOccurrences(of: "        kind: maturity\n        prompt: {en: Who", with: "        prompt: {en: Who")
        let diagnostics = parse(yaml).diagnostics
        let missing = try #require(diagnostics.first)
        #expect(missing.code == .missingKey)
        #expect((missing.line, missing.column) == (10, 9))
        #expect(missing.problem == #"an item has no "id""#)
        #expect(missing.fix == #"Add a "id:" line to it."#)
        // The condition that named the item now names nothing, and says so.
        #expect(diagnostics.dropFirst().map(\.code) == [.unknownConditionItem])
    }

    @Test func duplicateItemIDInOneModule() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 44, with: "      - id: sample.first.owner")))
        #expect(diagnostic.code == .duplicateID)
        #expect((diagnostic.line, diagnostic.column) == (44, 13))
        #expect(diagnostic.problem.contains("first at line 10"))
    }

    @Test func duplicateDimensionID() throws {
        let yaml = validModuleYAML + """

              - id: first
                title: {en: Again, pl: Znowu}
                items:
                  - id: sample.again.notes
                    kind: text
                    prompt: {en: More?, pl: Więcej?}
            """
        let diagnostic = try #require(single(yaml))
        #expect(diagnostic.code == .duplicateID)
        #expect((diagnostic.line, diagnostic.column) == (47, 9))
    }

    @Test func itemIDReusedAcrossModules() throws {
        let other = validModuleYAML.replacingOccurrences(of: "id: sample\n", with: "id: other\n")
            .replacingOccurrences(of: "sample.first.notes", with: "other.first.notes")
        let first = parse(validModuleYAML, file: "a.yaml")
        let second = parse(other, file: "b.yaml")
        let report = ModuleLoader.combine([first, second], files: ["a.yaml", "b.yaml"], earlierDiagnostics: [])
        let reused = report.diagnostics.filter { $0.code == .reusedItemID }
        #expect(reused.count == 5)
        let owner = try #require(reused.first)
        #expect(owner.file == "b.yaml" && owner.line == 10 && owner.column == 13)
        #expect(owner.problem == #"item id "sample.first.owner" is already used by a.yaml:10"#)
        #expect(report.catalog.modules.map(\.id) == ["sample"], "the module that reuses ids is not loaded")
    }

    @Test func moduleIDReusedAcrossFiles() throws {
        let renamedItems = validModuleYAML.replacingOccurrences(of: "sample.first.", with: "copy.first.")
        let report = ModuleLoader.combine([parse(validModuleYAML, file: "a.yaml"), parse(renamedItems, file: "b.yaml")],
                                          files: ["a.yaml", "b.yaml"], earlierDiagnostics: [])
        let diagnostic = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(diagnostic.code == .reusedModuleID && diagnostic.file == "b.yaml" && diagnostic.line == 1)
    }

    @Test func missingTranslation() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 16, with: "          3: {en: A manager has targets.}")))
        #expect(diagnostic.code == .missingTranslation)
        #expect((diagnostic.line, diagnostic.column) == (16, 14))
        #expect(diagnostic.problem == #"level 3 of item "sample.first.owner" has no pl translation"#)
        #expect(diagnostic.fix == #"Add "pl: ..." beside the other languages."#)
    }

    @Test func emptyTranslation() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 4, with: #"title: {en: Sample, pl: ""}"#)))
        #expect(diagnostic.code == .missingTranslation)
        #expect((diagnostic.line, diagnostic.column) == (4, 25))
        #expect(diagnostic.problem.contains("is empty"))
    }

    @Test func englishIsRequired() throws {
        let diagnostics = parse(validModule(replacingLine: 3, with: "languages: [pl]")).diagnostics
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .missingTranslation && diagnostic.line == 3)
        #expect(diagnostic.problem == "languages does not include en")
    }

    @Test func textInAnUndeclaredLanguage() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 4, with: "title: {en: Sample, pl: Próbka, sv: Prov}")))
        #expect(diagnostic.code == .undeclaredLanguage)
        #expect((diagnostic.line, diagnostic.column) == (4, 33))
    }

    @Test func unknownLanguageCodeSuggestsOne() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 4, with: "title: {en: Sample, pl: Próbka, itt: X}")))
        #expect(diagnostic.code == .unknownLanguage)
        #expect(diagnostic.fix.hasPrefix(#"Did you mean "it"?"#))
    }

    @Test func anUnquotedCommaInAFlowMappingIsExplained() throws {
        let diagnostics = parse(validModule(replacingLine: 14, with: "          1: {en: Nobody, not even IT., pl: Nikt.}")).diagnostics
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .unknownLanguage && diagnostic.line == 14 && diagnostic.column == 27)
        #expect(diagnostic.fix.contains("put the whole text in quotes"))
    }

    @Test func missingLevelDescriptor() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 15, with: "")))
        #expect(diagnostic.code == .missingLevel)
        #expect((diagnostic.line, diagnostic.column) == (14, 11))
        #expect(diagnostic.problem == #"item "sample.first.owner" has no descriptor for level 2 (focusing)"#)
    }

    @Test func levelOutsideTheScale() throws {
        let diagnostic = try #require(single(validModule(inserting: "          5: {en: Beyond., pl: Poza.}", beforeLine: 18)))
        #expect(diagnostic.code == .unknownKey && diagnostic.line == 18)
        #expect(diagnostic.fix.contains("1, 2, 3 and 4"))
    }

    @Test func descriptorTooLongForTwoTerminalLines() throws {
        let long = String(repeating: "word ", count: 31) + "end"
        let diagnostic = try #require(single(validModule(replacingLine: 14, with: "          1: {en: \(long), pl: Nikt.}")))
        #expect(diagnostic.code == .textTooLong && diagnostic.line == 14)
        #expect(diagnostic.problem.contains("the limit is 152"))
    }

    /// Under the character cap, but long words leave so much of each line empty that it wraps
    /// onto a third line: the screen, not the count, is what matters.
    @Test func descriptorUnderTheCapThatStillWrapsOntoAThirdLine() throws {
        let words = String(repeating: "internationalisation ", count: 7) + "end"
        #expect(words.count < TextLimits.levelDescriptor)
        let diagnostic = try #require(single(validModule(replacingLine: 14, with: "          1: {en: \(words), pl: Nikt.}")))
        #expect(diagnostic.code == .textTooLong && diagnostic.line == 14)
        #expect(diagnostic.problem == "the en text of level 1 of item \"sample.first.owner\" takes 3 lines when wrapped at 76 columns; it must fit 2")
    }

    @Test func conditionOnAnUnknownItem() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 27, with: #"        when: {item: sample.first.marketplace, is: "yes"}"#)))
        #expect(diagnostic.code == .unknownConditionItem)
        #expect((diagnostic.line, diagnostic.column) == (27, 22))
        #expect(diagnostic.fix == #"Did you mean "sample.first.marketplaces"?"#)
    }

    @Test func conditionOnALaterItem() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 27, with: "        when: {item: sample.first.which, at_least: 1}")))
        #expect(diagnostic.code == .laterConditionItem)
        #expect((diagnostic.line, diagnostic.column) == (27, 22))
        #expect(diagnostic.problem.contains("an item that comes later"))
    }

    @Test func conditionOnItself() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 27, with: "        when: {item: sample.first.share, at_least: 1}")))
        #expect(diagnostic.code == .laterConditionItem)
        #expect(diagnostic.problem.contains("the item itself"))
    }

    @Test func conditionOnAnOptionTheItemDoesNotHave() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 27, with: "        when: {item: sample.first.marketplaces, is: yess}")))
        #expect(diagnostic.code == .unknownConditionOption)
        #expect(diagnostic.fix.hasPrefix(#"Did you mean "yes"?"#))
    }

    @Test func conditionTestThatDoesNotFitTheKind() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 27, with: "        when: {item: sample.first.owner, is: \"yes\"}")))
        #expect(diagnostic.code == .conditionNotApplicable)
        #expect(diagnostic.fix == "For a maturity item use at_least or at_most.")
    }

    @Test func conditionStageOffTheScale() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 42, with: "        when: {item: sample.first.owner, at_least: 5}")))
        #expect(diagnostic.code == .invalidValue && diagnostic.line == 42)
    }

    @Test func wrongTypeForANumber() throws {
        let diagnostic = try #require(single(validModule(inserting: "        weight: heavy", beforeLine: 12)))
        #expect(diagnostic.code == .wrongType)
        #expect((diagnostic.line, diagnostic.column) == (12, 17))
        #expect(diagnostic.description == #"test.yaml:12:17: error: the weight of item "sample.first.owner" must be a number, not "heavy". Write digits, such as 2 or 0.5."#)
    }

    @Test func wrongTypeForAList() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 3, with: "languages: en")))
        #expect(diagnostic.code == .wrongType && diagnostic.line == 3 && diagnostic.column == 12)
    }

    @Test func wrongTypeForALocalisedText() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 4, with: "title: Sample")))
        #expect(diagnostic.code == .wrongType)
        #expect(diagnostic.problem == "the module title must be a mapping, but this is the text \"Sample\"")
        #expect(diagnostic.fix == "Write it as key: value lines, for example `en: ..., pl: ...`.")
    }

    @Test func wrongTypeForABoolean() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 34, with: "        multiple: several")))
        #expect(diagnostic.code == .wrongType && diagnostic.line == 34)
    }

    @Test func unknownKind() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 11, with: "        kind: maturty")))
        #expect(diagnostic.code == .unknownKind && diagnostic.line == 11 && diagnostic.column == 15)
        #expect(diagnostic.fix.hasPrefix(#"Did you mean "maturity"?"#))
    }

    @Test func keyOfAnotherKind() throws {
        let diagnostic = try #require(single(validModule(inserting: "        unit: {en: h, pl: h}", beforeLine: 13)))
        #expect(diagnostic.code == .keyNotForKind && diagnostic.line == 13)
    }

    @Test func invalidID() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 44, with: "      - id: Sample Notes")))
        #expect(diagnostic.code == .invalidID && diagnostic.line == 44 && diagnostic.column == 13)
    }

    @Test func minAboveMax() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 30, with: "        min: 200")))
        #expect(diagnostic.code == .invalidValue && diagnostic.line == 30)
    }

    @Test func controlCharactersInText() throws {
        let diagnostic = try #require(single(validModule(replacingLine: 4, with: #"title: {en: "Sample\u001B[31m", pl: Próbka}"#)))
        #expect(diagnostic.code == .controlCharacter && diagnostic.line == 4)
        #expect(diagnostic.problem.contains("U+1B"))
    }

    @Test func notYAMLAtAll() throws {
        let diagnostic = try #require(single("id: sample\nversion: [1.0\ntitle: x\n"))
        #expect(diagnostic.code == .notYAML)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.problem.hasPrefix("this is not valid YAML"))
    }

    /// libyaml notices a mistake where it cannot go on; the message also says where the
    /// construct it was reading began, and points at a quote left open before.
    @Test func aLateYAMLErrorSaysWhereTheMistakeBegan() throws {
        let list = try #require(single("id: sample\nlanguages: [en, pl\ntitle: x\n"))
        #expect(list.line == 3 && list.problem.contains("the list [ … ] that begins at 2:12 is never closed"))
        let braces = try #require(single("id: sample\ntitle: {en: a, pl: b\nintro: x\n"))
        #expect(braces.problem.contains("the mapping { … } that begins at 2:8 is never closed"))
        // An unclosed quote on line 2 is only noticed at the next quote, lines later.
        let quote = try #require(single("id: sample\nversion: \"1.0\nlanguages: [en]\ntitle:\n  en: \"Sample\"\n"))
        #expect(quote.line > 2 && quote.problem.contains("the quoted text that begins at 2:10 is not closed on its line"))
        // Closed quotes, escaped quotes, '' inside single quotes and block scalars are not blamed.
        #expect(ModuleLoader.unclosedQuote(in: Array("a: \"x \\\" y\"\nb: 'it''s'\nc: >-\n  \"quoted\n- \"z\"\n".utf8),
                                           before: SourcePosition(line: 9, column: 1)) == nil)
    }

    @Test func aPlainTextFileIsNotAModule() throws {
        let diagnostic = try #require(single("This is just a note, not a module.\n"))
        #expect(diagnostic.code == .wrongType && diagnostic.line == 1 && diagnostic.column == 1)
    }

    @Test func duplicateKey() throws {
        let diagnostic = try #require(single(validModule(inserting: "version: \"2.0\"", beforeLine: 3)))
        #expect(diagnostic.code == .duplicateKey)
        #expect(diagnostic.line == 2)
        #expect(diagnostic.problem.contains("\"version\" is written twice"))
    }

    @Test func notUTF8() throws {
        var bytes = Array("id: sample\ntitle: caf".utf8)
        bytes += [0xE9, 0x0A]
        let result = ModuleLoader.parse(bytes: bytes, file: "latin1.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .notUTF8)
        #expect((diagnostic.line, diagnostic.column) == (2, 11))
    }

    @Test func emptyFile() throws {
        let diagnostic = try #require(single("\n  \n"))
        #expect(diagnostic.code == .emptyFile)
        #expect(diagnostic.description == "test.yaml: error: the file is empty. Write a module in it (see docs/module-format.md), or delete it.")
    }

    @Test func tooLargeFile() throws {
        let result = ModuleLoader.parse(bytes: [UInt8](repeating: UInt8(ascii: "#"), count: ModuleLoader.maximumFileSize + 1), file: "big.yaml")
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test func everyProblemIsReportedAtOnceInReadingOrder() {
        var yaml = validModule(replacingLine: 4, with: "title: {en: Sample}")
        yaml = yaml.replacingOccurrences(of: "        kind: maturity", with: "        kind: maturty")
        yaml = yaml.replacingOccurrences(of: "        min: 0", with: "        min: zero")
        let diagnostics = parse(yaml).diagnostics
        #expect(diagnostics.map(\.code) == [.missingTranslation, .unknownKind, .wrongType])
        #expect(diagnostics.map(\.line) == [4, 11, 30])
        #expect(parse(yaml).module == nil)
    }

    @Test func aHopelesslyBrokenFileStopsAtTheLimit() {
        var yaml = validModuleYAML
        for index in 0..<300 { yaml += "\nbogus\(index): 1" }
        let diagnostics = parse(yaml).diagnostics
        #expect(diagnostics.count == YAMLReader.diagnosticLimit + 1)
        #expect(diagnostics.last?.code == .tooMany)
    }
}
