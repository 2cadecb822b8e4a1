import Basics
import Questionnaire

extension ParticipantApp {
    /// Draws the current screen into a buffer of the terminal's size.
    public func render() -> CellBuffer {
        var buffer = CellBuffer(width: size.width, height: size.height)
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            renderTooSmall(&buffer)
            return buffer
        }
        switch page {
        case .join(let form): renderJoin(&buffer, form)
        case .overview: renderOverview(&buffer)
        case .item(let editor): renderItem(&buffer, editor)
        case .review(let review): renderReview(&buffer, review)
        case .vote: renderVote(&buffer)
        }
        return buffer
    }

    private func renderTooSmall(_ buffer: inout CellBuffer) {
        let text = ParticipantStrings.fill(words.tooSmall, ["w": String(Self.minimumSize.width), "h": String(Self.minimumSize.height),
                                                            "cw": String(size.width), "ch": String(size.height)])
        buffer.wrap(text, x: 0, y: 0, width: size.width, maxLines: size.height, style: .strong)
    }

    /// The top line: workshop, department, name; and the bottom lines: message and keys.
    private func frame(_ buffer: inout CellBuffer, heading: String, help: String) {
        buffer.fill(x: 0, y: 0, width: size.width, height: 1, style: .selected)
        var top = title
        if let record {
            top += " · " + (modules.first { $0.id == record.profile.value.department }?.title.resolved(in: language) ?? "")
                + " · " + record.profile.value.name
        }
        buffer.put(" " + top, x: 0, y: 0, style: .selected, limit: size.width)
        buffer.put(heading, x: 1, y: 2, style: Style(bold: true, color: .accent), limit: size.width - 2)
        if let message {
            buffer.put(DisplayWidth.truncate(message, to: size.width - 2), x: 1, y: size.height - 2, style: Style(color: .good))
        }
        if let closedPhase, record != nil {
            let notice = ParticipantStrings.fill(words.answeringClosed, ["phase": FacilitatorStrings.phaseName(closedPhase, in: language)])
            buffer.fill(x: 0, y: 1, width: size.width, height: 1, style: Style(bold: true, color: .warning))
            buffer.put(" " + notice, x: 0, y: 1, style: Style(bold: true, color: .warning), limit: size.width)
        }
        HelpBar(help).render(into: &buffer)
    }

    private func renderJoin(_ buffer: inout CellBuffer, _ form: JoinForm) {
        frame(&buffer, heading: words.joinTitle, help: words.joinHelp)
        var y = 4
        if form.asksName || form.field == .name {
            buffer.put(words.yourName + ":", x: 2, y: y, style: form.field == .name ? .strong : .plain)
            form.name.render(into: &buffer, x: 22, y: y, width: min(50, size.width - 24), focused: form.field == .name, style: Style(underline: true))
            y += 2
        }
        if form.asksDepartment {
            buffer.put(words.yourDepartment + ":", x: 2, y: y, style: form.field == .department ? .strong : .plain)
            for (index, id) in departments.enumerated() {
                let title = modules.first { $0.id == id }?.title.resolved(in: language) ?? id
                let selected = index == form.department
                buffer.put((selected ? "● " : "○ ") + title, x: 22, y: y + index,
                           style: selected && form.field == .department ? .selected : (selected ? .strong : .plain), limit: size.width - 24)
            }
            y += departments.count + 1
        }
        if form.asksLanguage {
            buffer.put(words.yourLanguage + ":", x: 2, y: y, style: form.field == .language ? .strong : .plain)
            for (index, language) in Language.allCases.enumerated() {
                let selected = index == form.language
                buffer.put((selected ? "● " : "○ ") + language.nativeName, x: 22, y: y + index,
                           style: selected && form.field == .language ? .selected : (selected ? .strong : .plain))
            }
        }
    }

    private func renderOverview(_ buffer: inout CellBuffer) {
        // While voting is open, the key to it joins the help (as the dot it places).
        frame(&buffer, heading: words.overviewTitle, help: words.overviewHelp + (voting == nil ? "" : " · v ●"))
        let rows = dimensionRows
        // The lines of the list: each module's title, then its dimensions. The list scrolls by
        // lines, so the selected dimension stays on screen however many titles come before it.
        var lines: [(title: String?, row: Int?)] = []
        for (index, row) in rows.enumerated() {
            if index == 0 || rows[index - 1].module.id != row.module.id {
                let shared = sharedModules.contains(row.module.id) ? " (\(words.sharedSection))" : ""
                lines.append((row.module.title.resolved(in: language) + shared, nil))
            }
            lines.append((nil, index))
        }
        let visibleLines = max(1, size.height - 7)
        let selectedLine = lines.firstIndex { $0.row == overviewSelection } ?? 0
        let first = max(0, min(selectedLine - visibleLines + 1, lines.count - visibleLines))
        let barWidth = 10
        let labelWidth = size.width - 4 - barWidth - 8 - 2
        for (offset, line) in lines.dropFirst(first).prefix(visibleLines).enumerated() {
            let y = 4 + offset
            if let title = line.title {
                buffer.put(title, x: 2, y: y, style: .strong, limit: size.width - 4)
                continue
            }
            guard let index = line.row else { continue }
            let row = rows[index]
            let selected = index == overviewSelection
            let count = "\(row.answered)/\(row.total)"
            buffer.put("  " + DisplayWidth.pad(row.dimension.title.resolved(in: language), to: labelWidth), x: 2, y: y,
                       style: selected ? .selected : .plain)
            ProgressBar(done: row.answered, total: row.total).render(into: &buffer, x: 4 + labelWidth + 1, y: y, width: barWidth)
            buffer.put(DisplayWidth.padLeft(count, to: 7), x: 4 + labelWidth + barWidth + 1, y: y, style: selected ? .selected : .plain)
        }
        if record?.done.value == true {
            buffer.put("✓ " + words.markedDone, x: 2, y: size.height - 3, style: Style(color: .good), limit: size.width - 4)
        }
    }

    private func renderItem(_ buffer: inout CellBuffer, _ editor: ItemEditor) {
        guard let item else { return }
        let commentField = editor.comment
        let visible = visibleItems
        let position = (visible.firstIndex { $0.item.id == item.id } ?? 0) + 1
        let place = visible.first { $0.item.id == item.id }
        let dimensionTitle = place.map { $0.module.title.resolved(in: language) + " · " + $0.dimension.title.resolved(in: language) } ?? ""
        let help: String
        switch item.kind {
        case .maturity: help = words.itemHelpMaturity
        case .choice: help = words.itemHelpChoice
        case .number: help = words.itemHelpNumber
        case .text: help = words.itemHelpText
        }
        frame(&buffer, heading: dimensionTitle, help: commentField == nil ? help : words.commentHelp)
        let counter = ParticipantStrings.fill(words.itemOf, ["n": String(position), "total": String(visible.count)])
        buffer.put(counter, x: size.width - 1 - DisplayWidth.of(counter), y: 2, style: .muted)
        let width = size.width - 4
        var y = 4
        y += buffer.wrap(item.prompt.resolved(in: language), x: 2, y: y, width: width, maxLines: 3, style: .strong)
        // The help text only where it leaves the answer room: at 80×24 a maturity item's four
        // levels need every row.
        if let help = item.help {
            let helpLines = TextWrapping.wrap(help.resolved(in: language), width: width).count
            let needed = item.kind.tag == .maturity ? 12 + 6 : 10
            if size.height - y - needed >= helpLines + 1 {
                y += buffer.wrap(help.resolved(in: language), x: 2, y: y, width: width, maxLines: 2, style: .muted)
            }
        }
        y += 1
        let answer = answers[item.id]
        switch item.kind {
        case .maturity(let levels): y = renderMaturity(&buffer, levels: levels, answer: answer, editor: editor, y: y)
        case .choice(let options, let multiple): y = renderChoice(&buffer, options: options, multiple: multiple, answer: answer, editor: editor, y: y)
        case .number(let spec): y = renderNumber(&buffer, spec: spec, editor: editor, y: y)
        case .text:
            buffer.put(words.freeAnswer + ":", x: 2, y: y, style: .strong)
            editor.text.render(into: &buffer, x: 2, y: y + 1, width: width, focused: commentField == nil, style: Style(underline: true))
            y += 3
        }
        if item.kind.tag != .text {
            let commentY = min(y, size.height - 3)
            buffer.put(words.comment + ": ", x: 2, y: commentY, style: commentField == nil ? .muted : .strong)
            let labelWidth = DisplayWidth.of(words.comment + ": ")
            if let field = commentField {
                field.render(into: &buffer, x: 2 + labelWidth, y: commentY, width: width - labelWidth, focused: true, style: Style(underline: true))
            } else {
                buffer.put(answer?.comment ?? words.noComment, x: 2 + labelWidth, y: commentY, style: .muted, limit: width - labelWidth)
            }
        }
    }

    private func renderMaturity(_ buffer: inout CellBuffer, levels: [LocalizedText], answer: Answer?, editor: ItemEditor, y start: Int) -> Int {
        let itemField = editor.field, commentField = editor.comment
        var current: Rated<Int>?, target: Rated<Int>?
        if case .maturity(let c, let t)? = answer?.value { (current, target) = (c, t) }
        var y = start
        // One line with the stage and the markers, then the descriptor at full width: modules
        // keep every descriptor to two lines of 76 columns, so nothing is cut at 80×24.
        let width = size.width - 4
        for (index, level) in levels.enumerated() {
            let stage = index + 1
            let isCurrent = current == .value(stage), isTarget = target == .value(stage)
            let name = MaturityStage(rawValue: stage)?.name.resolved(in: language) ?? ""
            var x = 2 + buffer.put("\(stage) \(name)", x: 2, y: y, style: isCurrent || isTarget ? .strong : Style(color: .accent), limit: width)
            if isCurrent {
                x += 2 + buffer.put("◀ \(words.current)", x: x + 2, y: y, style: Style(bold: true, reverse: itemField == .current, color: .current))
            }
            if isTarget {
                buffer.put("◆ \(words.target)", x: x + 2, y: y, style: Style(bold: true, reverse: itemField == .target, color: .target))
            }
            let lines = buffer.wrap(level.resolved(in: language), x: 2, y: y + 1, width: width, maxLines: 2,
                                    style: isCurrent || isTarget ? .strong : .plain)
            y += 1 + lines
        }
        y += 1
        func rated(_ value: Rated<Int>?) -> String {
            switch value {
            case .value(let stage)?: String(stage)
            case .dontKnow?: words.dontKnow
            case nil: words.notGiven
            }
        }
        let importanceText = answer?.importance.map { words.importanceLevels[$0 - 1] } ?? words.notGiven
        var x = 2
        for (label, value, field) in [(words.current, rated(current), ItemField.current), (words.target, rated(target), .target),
                                      (words.importance, importanceText, .importance)] {
            let text = "\(label): \(value)"
            x += buffer.put(text, x: x, y: y, style: field == itemField && commentField == nil ? .selected : .plain) + 4
        }
        return y + 2
    }

    private func renderChoice(_ buffer: inout CellBuffer, options: [ChoiceOption], multiple: Bool, answer: Answer?, editor: ItemEditor,
                              y start: Int) -> Int {
        var chosen: [String] = [], dontKnow = false
        switch answer?.value {
        case .choice(.value(let ids))?: chosen = ids
        case .choice(.dontKnow)?: dontKnow = true
        default: break
        }
        buffer.put(multiple ? words.chooseMany : words.choose, x: 2, y: start, style: .muted)
        var y = start + 1
        for (index, option) in options.enumerated() where y < size.height - 4 {
            let mark = chosen.contains(option.id) ? (multiple ? "[x] " : "(•) ") : (multiple ? "[ ] " : "( ) ")
            buffer.put(mark + option.label.resolved(in: language), x: 4, y: y,
                       style: index == editor.option && editor.comment == nil ? .selected : .plain, limit: size.width - 6)
            y += 1
        }
        if dontKnow { buffer.put("✓ " + words.dontKnow, x: 4, y: y, style: .strong); y += 1 }
        return y + 1
    }

    private func renderNumber(_ buffer: inout CellBuffer, spec: NumberSpec, editor: ItemEditor, y start: Int) -> Int {
        let unit = spec.unit.resolved(in: language)
        buffer.put(NumberFormatting.range(minimum: spec.minimum, maximum: spec.maximum) + " · " + unit, x: 2, y: start, style: .muted,
                   limit: size.width - 4)
        for (index, label) in [words.current, words.target].enumerated() {
            let y = start + 2 + index
            let focused = (index == 0 ? ItemField.current : .target) == editor.field && editor.comment == nil
            buffer.put(label + ":", x: 2, y: y, style: focused ? .strong : .plain)
            (index == 0 ? editor.current : editor.target).render(into: &buffer, x: 12, y: y, width: 16, focused: focused, style: Style(underline: true))
            buffer.put(unit, x: 30, y: y, style: .muted, limit: size.width - 32)
        }
        return start + 5
    }

    private func renderReview(_ buffer: inout CellBuffer, _ review: Review) {
        frame(&buffer, heading: words.reviewTitle, help: words.reviewHelp)
        let open = unansweredItems
        var y = 4
        if open.isEmpty {
            buffer.put(words.reviewAllAnswered, x: 2, y: y, style: Style(bold: true, color: .good))
            y += 2
        } else {
            buffer.put(ParticipantStrings.fill(words.reviewUnanswered, ["count": String(open.count)]), x: 2, y: y, style: .strong)
            y += 2
            ListView(rows: open.map { $0.prompt.resolved(in: language) }, selection: review.selection)
                .render(into: &buffer, x: 4, y: y, width: size.width - 6, height: size.height - y - 4)
        }
        if record?.done.value == true {
            buffer.put("✓ " + words.markedDone, x: 2, y: size.height - 3, style: Style(color: .good), limit: size.width - 4)
        }
        if review.confirmingDone {
            Dialog(title: words.confirmDoneTitle, message: words.confirmDoneMessage, keys: words.confirmDoneKeys).render(into: &buffer)
        }
    }

    private func renderVote(_ buffer: inout CellBuffer) {
        frame(&buffer, heading: words.voteTitle, help: words.voteHelp)
        let used = votes.values.reduce(0, +)
        let budget = voting?.budget ?? 0
        buffer.put(ParticipantStrings.fill(words.votesLeft, ["count": String(max(0, budget - used)), "total": String(budget)]),
                   x: 2, y: 4, style: Style(bold: true, color: used < budget ? .accent : .good))
        let rows = voteRows.map { item -> String in
            let count = votes[item] ?? 0
            return DisplayWidth.pad(String(repeating: "●", count: count), to: 6) + " " + voteLabel(item)
        }
        ListView(rows: rows, selection: voteSelection).render(into: &buffer, x: 2, y: 6, width: size.width - 4, height: size.height - 9)
    }
}
