import Basics
import Foundation
import Questionnaire

extension ParticipantApp {
    /// The rows a screen's own content may use, between the frame's top lines and its bottom
    /// lines (message and keys): `top..<bottom`.
    struct Area {
        var top: Int
        var bottom: Int
        var rows: Int { max(0, bottom - top) }
    }

    /// Draws the current screen into a buffer of the terminal's size.
    ///
    /// Nothing a participant must read is cut: texts wrap, and the layout makes room for them.
    /// Only list rows end in "…", and the full text is one key away (the row opens, or the
    /// selected row is shown in full under the list).
    public func render() -> CellBuffer {
        var buffer = CellBuffer(width: size.width, height: size.height)
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            renderTooSmall(&buffer)
            return buffer
        }
        switch page {
        case .join(let form): renderJoin(&buffer, form)
        case .overview: renderOverview(&buffer)
        case .intro(let module, _, let scroll): renderIntro(&buffer, module: module, scroll: scroll)
        case .item(let editor): renderItem(&buffer, editor)
        case .review(let review): renderReview(&buffer, review)
        case .vote: renderVote(&buffer)
        }
        if let code = resumeCodeShown {
            renderDialog(&buffer, title: words.resumeCodeTitle, message: ParticipantStrings.fill(words.resumeCodeMessage, ["code": code]),
                         keys: words.resumeCodeKeys)
        }
        if leaving {
            renderDialog(&buffer, title: words.leaveTitle, message: record == nil ? words.leaveBeforeJoining : words.leaveMessage,
                         keys: words.confirmDoneKeys)
        }
        if let seconds = idleSecondsLeft {
            renderDialog(&buffer, title: words.idleTitle, message: ParticipantStrings.fill(words.idleWarning, ["time": Self.duration(seconds)]),
                         keys: words.idleKeys)
        }
        return buffer
    }

    /// A span as the idle warning and goodbye say it: "4:59" under an hour, "2 h" or "1 h 30 min" above.
    public static func duration(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        if seconds < 3600 { return String(format: "%d:%02d", seconds / 60, seconds % 60) }
        let hours = seconds / 3600, minutes = seconds % 3600 / 60
        return minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes) min"
    }

    private func renderTooSmall(_ buffer: inout CellBuffer) {
        var text = ParticipantStrings.fill(words.tooSmall, ["w": String(Self.minimumSize.width), "h": String(Self.minimumSize.height),
                                                            "cw": String(size.width), "ch": String(size.height)])
        // What must be read on a screen too small for the screens: the code is shown only once.
        if let code = resumeCodeShown { text += " " + ParticipantStrings.fill(words.resumeCodeMessage, ["code": code]) + " " + words.resumeCodeKeys }
        if let seconds = idleSecondsLeft { text += " " + ParticipantStrings.fill(words.idleWarning, ["time": Self.duration(seconds)]) }
        if leaving { text += " " + (record == nil ? words.leaveBeforeJoining : words.leaveMessage) + " " + words.confirmDoneKeys }
        buffer.wrap(text, x: 0, y: 0, width: size.width, maxLines: size.height, style: .strong)
    }

    /// The phase clock's line, when the workshop has started.
    var clockText: String? {
        guard let clock else { return nil }
        return words.clockText(phase: FacilitatorStrings.phaseName(clock.phase, in: language), secondsLeft: clock.secondsLeft, paused: clock.paused)
    }

    /// The top lines (workshop, department, name, time left; the closed notice; the heading)
    /// and the bottom lines (message and keys), each wrapped to the screen's width; returns the
    /// rows left for the screen's content. `reserve` keeps columns free right of the heading.
    private func frame(_ buffer: inout CellBuffer, heading: String, help: String, reserve: Int = 0) -> Area {
        let width = size.width
        buffer.fill(x: 0, y: 0, width: width, height: 1, style: .selected)
        var who = ""
        if let record {
            who = " · " + (modules.first { $0.id == record.profile.value.department }?.title.resolved(in: language) ?? "")
                + " · " + record.profile.value.name
        }
        let right = clockText.map { $0 + " " } ?? ""
        // When the workshop, the department, the name and the clock do not share one line, the
        // clock takes a line of its own rather than cutting the title.
        let clockBelow = !right.isEmpty && DisplayWidth.of(title + who) > width - 3 - DisplayWidth.of(right)
        let room = width - 1 - (right.isEmpty || clockBelow ? 0 : DisplayWidth.of(right) + 2)
        // Only on a screen too narrow for even that does the title give way: the department and
        // the name say who is answering.
        let titleRoom = room - DisplayWidth.of(who)
        let left = titleRoom >= 8 ? DisplayWidth.truncate(title, to: titleRoom) + who : DisplayWidth.truncate(title + who, to: room)
        buffer.put(" " + left, x: 0, y: 0, style: .selected, limit: width)
        var y = 1
        if clockBelow {
            buffer.fill(x: 0, y: 1, width: width, height: 1, style: .selected)
            y = 2
        }
        if !right.isEmpty { buffer.put(right, x: width - DisplayWidth.of(right), y: y - 1, style: Style(bold: true, reverse: true)) }
        if let closedPhase, record != nil {
            let notice = ParticipantStrings.fill(words.answeringClosed, ["phase": FacilitatorStrings.phaseName(closedPhase, in: language)])
            let lines = TextWrapping.wrap(notice, width: width - 2)
            buffer.fill(x: 0, y: 1, width: width, height: lines.count, style: Style(bold: true, color: .warning))
            for (index, line) in lines.enumerated() {
                buffer.put(line, x: 1, y: 1 + index, style: Style(bold: true, color: .warning))
            }
            y += lines.count
        } else {
            y += 1
        }
        let headingLines = TextWrapping.wrap(heading, width: max(10, width - 2 - reserve))
        for (index, line) in headingLines.enumerated() {
            buffer.put(line, x: 1, y: y + index, style: Style(bold: true, color: .accent))
        }
        let top = y + headingLines.count + 1
        // The keys, split between their separators over as many lines as they need.
        let helpLines = Self.packed(help.components(separatedBy: " · "), width: width - 2)
        for (index, line) in helpLines.enumerated() {
            let row = size.height - helpLines.count + index
            buffer.fill(x: 0, y: row, width: width, height: 1, style: .selected)
            buffer.put(" " + line, x: 0, y: row, style: .selected)
        }
        var bottom = size.height - helpLines.count
        let messageLines = message.map { TextWrapping.wrap($0, width: width - 2) } ?? []
        for (index, line) in messageLines.enumerated() {
            buffer.put(line, x: 1, y: bottom - messageLines.count + index, style: Style(color: .good))
        }
        bottom -= max(1, messageLines.count)
        return Area(top: top, bottom: bottom)
    }

    /// Pieces joined by " · " into lines of at most `width` columns, breaking only between them.
    static func packed(_ pieces: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let candidate = line.isEmpty ? piece : line + " · " + piece
            if DisplayWidth.of(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = piece
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.flatMap { DisplayWidth.of($0) <= width ? [$0] : TextWrapping.wrap($0, width: width) }
    }

    /// A box in the middle of the screen that asks something; every line wraps.
    private func renderDialog(_ buffer: inout CellBuffer, title: String, message: String, keys: String) {
        let width = min(size.width - 4, 76)
        let inner = width - 4
        let body = message.components(separatedBy: "\n").flatMap { TextWrapping.wrap($0, width: inner) }
        let keyLines = Self.packed(keys.components(separatedBy: " · "), width: inner)
        let titleLines = TextWrapping.wrap(title, width: inner - 2)
        let height = min(size.height, body.count + keyLines.count + titleLines.count + 3)
        let x = (size.width - width) / 2, y = max(0, (size.height - height) / 2)
        // A column of blank around the box, so nothing beneath seems to run into it.
        buffer.fill(x: x - 1, y: y, width: width + 2, height: height, style: .plain)
        let horizontal = String(repeating: "─", count: width - 2)
        buffer.put("┌" + horizontal + "┐", x: x, y: y)
        for row in 1..<max(1, height - 1) { buffer.put("│", x: x, y: y + row); buffer.put("│", x: x + width - 1, y: y + row) }
        buffer.put("└" + horizontal + "┘", x: x, y: y + height - 1)
        var row = y
        for line in titleLines {
            buffer.put(" " + line + " ", x: x + 2, y: row, style: .strong)
            row += 1
        }
        row += 1
        for line in body {
            // A line the box has no row for is lost: recorded, so the layout tests see it.
            buffer.put(line, x: x + 2, y: row < y + height - 1 - keyLines.count ? row : -1)
            row += 1
        }
        row = y + height - 1 - keyLines.count
        for line in keyLines {
            buffer.put(line, x: x + 2, y: row, style: Style(bold: true, color: .accent))
            row += 1
        }
    }

    // MARK: Join

    private func renderJoin(_ buffer: inout CellBuffer, _ form: JoinForm) {
        let area = frame(&buffer, heading: words.joinTitle, help: words.joinHelp)
        let labels = [words.yourName, words.yourDepartment, words.yourLanguage].map { DisplayWidth.of($0) + 1 }
        let fieldX = max(22, 2 + (labels.max() ?? 0) + 2)
        let fieldWidth = size.width - fieldX - 2
        var y = area.top
        if form.asksName || form.field == .name {
            buffer.put(words.yourName + ":", x: 2, y: y, style: form.field == .name ? .strong : .plain)
            form.name.render(into: &buffer, x: fieldX, y: y, width: min(50, fieldWidth), focused: form.field == .name && form.nameInUse == nil,
                             style: Style(underline: true))
            y += 2
        }
        if form.asksDepartment {
            buffer.put(words.yourDepartment + ":", x: 2, y: y, style: form.field == .department ? .strong : .plain)
            for (index, id) in departments.enumerated() {
                let title = modules.first { $0.id == id }?.title.resolved(in: language) ?? id
                let selected = index == form.department
                buffer.put(DisplayWidth.truncate((selected ? "● " : "○ ") + title, to: fieldWidth), x: fieldX, y: y + index,
                           style: selected && form.field == .department ? .selected : (selected ? .strong : .plain))
            }
            y += departments.count + 1
        }
        if form.asksLanguage {
            buffer.put(words.yourLanguage + ":", x: 2, y: y, style: form.field == .language ? .strong : .plain)
            for (index, language) in Language.allCases.enumerated() {
                let selected = index == form.language
                buffer.put((selected ? "● " : "○ ") + language.nativeName, x: fieldX, y: y + index,
                           style: selected && form.field == .language ? .selected : (selected ? .strong : .plain))
            }
        }
        if let found = form.nameInUse {
            let department = modules.first { $0.id == found.department }?.title.resolved(in: language) ?? found.department
            var text = ParticipantStrings.fill(words.nameInUse, ["name": found.name, "department": department, "count": String(found.answered)])
            if found.openElsewhere { text += "\n" + ParticipantStrings.fill(words.openElsewhere, ["name": found.name]) }
            renderDialog(&buffer, title: words.nameInUseTitle, message: text,
                         keys: found.openElsewhere ? words.typeDifferentName : ParticipantStrings.fill(words.nameInUseKeys, ["name": found.name]))
        }
        if let code = form.resumeCode, let found = form.resuming {
            // The field's text as typed, with a cursor: the dialog is plain text.
            let typed = DisplayWidth.truncate(code.value, to: 24) + "█"
            renderDialog(&buffer, title: words.resumeCodeAskTitle,
                         message: ParticipantStrings.fill(words.resumeCodeAsk, ["name": found.name]) + "\n\n" + words.resumeCodeField + ": " + typed,
                         keys: words.resumeCodeAskKeys)
        }
    }

    // MARK: Overview and introduction

    private func renderOverview(_ buffer: inout CellBuffer) {
        // While voting is open, its key joins the help.
        let area = frame(&buffer, heading: words.overviewTitle, help: words.overviewHelp + (voting == nil ? "" : " · " + words.votingKey))
        let done = record?.done.value == true ? TextWrapping.wrap("✓ " + words.markedDone, width: size.width - 4) : []
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
        let visibleLines = max(1, area.rows - (done.isEmpty ? 0 : done.count + 1))
        let selectedLine = lines.firstIndex { $0.row == overviewSelection } ?? 0
        let first = max(0, min(selectedLine - visibleLines + 1, lines.count - visibleLines))
        let barWidth = 10
        let labelWidth = size.width - 4 - barWidth - 8 - 2
        for (offset, line) in lines.dropFirst(first).prefix(visibleLines).enumerated() {
            let y = area.top + offset
            if let title = line.title {
                buffer.put(DisplayWidth.truncate(title, to: size.width - 4), x: 2, y: y, style: .strong)
                continue
            }
            guard let index = line.row else { continue }
            let row = rows[index]
            let selected = index == overviewSelection
            let count = "\(row.answered)/\(row.total)"
            let label = DisplayWidth.truncate(row.dimension.title.resolved(in: language), to: labelWidth)
            buffer.put("  " + DisplayWidth.pad(label, to: labelWidth), x: 2, y: y, style: selected ? .selected : .plain)
            ProgressBar(done: row.answered, total: row.total).render(into: &buffer, x: 4 + labelWidth + 1, y: y, width: barWidth)
            buffer.put(DisplayWidth.padLeft(count, to: 7), x: 4 + labelWidth + barWidth + 1, y: y, style: selected ? .selected : .plain)
        }
        for (index, line) in done.enumerated() {
            buffer.put(line, x: 2, y: area.bottom - done.count + index, style: Style(color: .good))
        }
    }

    /// The introduction's lines at the screen's width.
    func introLines(module id: String) -> [String] {
        let text = modules.first { $0.id == id }?.intro.resolved(in: language) ?? ""
        return text.components(separatedBy: "\n").flatMap { TextWrapping.wrap($0, width: size.width - 4) }
    }

    /// Rows the introduction has for its text on this screen (one is kept for "↓ more").
    var introRows: Int { max(1, size.height - 8) }

    /// Whether the introduction goes on below what shows at `scroll`.
    func introHasMore(module: String, scroll: Int) -> Bool {
        introLines(module: module).count - scroll > introRows
    }

    private func renderIntro(_ buffer: inout CellBuffer, module id: String, scroll: Int) {
        let title = modules.first { $0.id == id }?.title.resolved(in: language) ?? id
        let area = frame(&buffer, heading: title, help: words.introHelp)
        let lines = introLines(module: id)
        let rows = max(1, area.rows - 1)
        let first = max(0, min(scroll, lines.count - rows))
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            buffer.put(line, x: 2, y: area.top + offset)
        }
        let below = lines.count - first - rows
        if below > 0 {
            buffer.put(ParticipantStrings.fill(words.moreOptions, ["count": String(below)]), x: 2, y: area.top + rows, style: .muted)
        }
    }

    // MARK: Items

    private func renderItem(_ buffer: inout CellBuffer, _ editor: ItemEditor) {
        guard let item else { return }
        let commentField = editor.comment
        let visible = visibleItems
        let position = (visible.firstIndex { $0.item.id == item.id } ?? 0) + 1
        let place = visible.first { $0.item.id == item.id }
        let counterWidth = DisplayWidth.of(counterText(item, position: visible.count, total: visible.count))
        // The module and the dimension when they fit on one line; the dimension alone when not
        // (the top line names the department).
        var dimensionTitle = place.map { $0.module.title.resolved(in: language) + " · " + $0.dimension.title.resolved(in: language) } ?? ""
        if DisplayWidth.of(dimensionTitle) > size.width - 4 - counterWidth, let place {
            dimensionTitle = place.dimension.title.resolved(in: language)
        }
        let help: String
        switch item.kind {
        case .maturity: help = words.itemHelpMaturity
        case .choice: help = words.itemHelpChoice
        case .number: help = words.itemHelpNumber
        case .text: help = words.itemHelpText
        }
        let counter = counterText(item, position: position, total: visible.count)
        let area = frame(&buffer, heading: dimensionTitle, help: commentField == nil ? help : words.commentHelp,
                         reserve: DisplayWidth.of(counter) + 2)
        buffer.put(counter, x: size.width - 1 - DisplayWidth.of(counter), y: area.top - 2 - headingExtraRows(dimensionTitle, counter), style: .muted)
        let width = size.width - 4
        var y = area.top
        y += buffer.wrap(item.prompt.resolved(in: language), x: 2, y: y, width: width, maxLines: area.rows, style: .strong)
        let answer = answers[item.id]
        let commentRows = item.kind.tag == .text ? 0 : 1
        // The room the answer needs, then the explanation where it fits; where it does not, a
        // line says which key shows it.
        var density = LevelDensity.full
        var needed = 0
        switch item.kind {
        case .maturity(let levels):
            // The roomiest layout that fits: each level under its stage's name; the descriptor
            // after the name; the descriptor after the stage's number alone.
            for candidate in [LevelDensity.full, .compact, .tight] {
                density = candidate
                needed = maturityRows(levels, density: candidate) + 3
                if area.bottom - y - 1 - commentRows >= needed { break }
            }
        case .choice(let options, _): needed = min(options.count, 4) + 3
        case .number(let spec): needed = TextWrapping.wrap(words.allowedValues(spec, in: language), width: width).count + 4
        case .text: needed = 3
        }
        if let itemHelp = item.help?.resolved(in: language) {
            let lines = TextWrapping.wrap(itemHelp, width: width)
            if area.bottom - y - 1 - commentRows - needed >= lines.count {
                y += buffer.wrap(itemHelp, x: 2, y: y, width: width, maxLines: lines.count, style: .muted)
            } else {
                buffer.put(words.helpHint, x: 2, y: y, style: Style(color: .accent))
                y += 1
            }
        }
        y += 1
        let answerBottom = area.bottom - commentRows - (commentRows > 0 ? 1 : 0)
        switch item.kind {
        case .maturity(let levels):
            y = renderMaturity(&buffer, levels: levels, answer: answer, editor: editor, y: y, density: density)
        case .choice(let options, let multiple):
            y = renderChoice(&buffer, options: options, multiple: multiple, answer: answer, editor: editor, y: y, bottom: answerBottom)
        case .number(let spec): y = renderNumber(&buffer, spec: spec, editor: editor, y: y)
        case .text:
            buffer.put(words.freeAnswer + ":", x: 2, y: y, style: .strong)
            editor.text.render(into: &buffer, x: 2, y: y + 1, width: width, focused: commentField == nil, style: Style(underline: true))
            y += 3
        }
        if y > area.bottom + (item.kind.tag == .text ? 1 : 0) {
            // The answer ran into the bottom lines: what it covered is lost, and recorded.
            buffer.put(item.prompt.resolved(in: language), x: 2, y: -1)
        }
        if item.kind.tag != .text {
            let commentY = min(y, area.bottom - 1)
            let label = words.comment + ": "
            buffer.put(label, x: 2, y: commentY, style: commentField == nil ? .muted : .strong)
            let labelWidth = DisplayWidth.of(label)
            if let field = commentField {
                field.render(into: &buffer, x: 2 + labelWidth, y: commentY, width: width - labelWidth, focused: true, style: Style(underline: true))
            } else {
                // The participant's own comment, shortened to its line: c opens it in full.
                buffer.put(DisplayWidth.truncate(answer?.comment ?? words.noComment, to: width - labelWidth), x: 2 + labelWidth, y: commentY,
                           style: .muted)
            }
        }
        if editor.showingHelp, let itemHelp = item.help?.resolved(in: language) {
            renderDialog(&buffer, title: words.helpTitle, message: itemHelp, keys: words.helpClose)
        }
    }

    /// "3 of 40" above a question; an optional question says so beside it, since the participant
    /// may leave it.
    private func counterText(_ item: Item, position: Int, total: Int) -> String {
        (item.isOptional ? words.optionalItem + " · " : "") + ParticipantStrings.fill(words.itemOf, ["n": String(position), "total": String(total)])
    }

    /// Rows the heading takes beyond its first, so the counter sits on the heading's first row.
    private func headingExtraRows(_ heading: String, _ counter: String) -> Int {
        TextWrapping.wrap(heading, width: max(10, size.width - 2 - DisplayWidth.of(counter) - 2)).count - 1
    }

    /// Rows the four levels take: a line with the stage and the markers, then the descriptor
    /// wrapped at full width; compact puts the descriptor after the stage's name, tight after its
    /// number alone.
    private func maturityRows(_ levels: [LocalizedText], density: LevelDensity) -> Int {
        levels.enumerated().map { index, level in levelLines(index + 1, level, density: density).count + (density == .full ? 1 : 0) }
            .reduce(0, +)
    }

    /// A level's descriptor lines; in compact form the first starts after the stage's name, in
    /// tight form after its number.
    private func levelLines(_ stage: Int, _ level: LocalizedText, density: LevelDensity) -> [String] {
        let width = size.width - 4
        switch density {
        case .full: return TextWrapping.wrap(level.resolved(in: language), width: width)
        case .tight: return TextWrapping.wrap("\(stage) " + level.resolved(in: language), width: width - 2)
        case .compact: break
        }
        let name = MaturityStage(rawValue: stage)?.name.resolved(in: language) ?? ""
        return TextWrapping.wrap("\(stage) \(name): " + level.resolved(in: language), width: width - 2)
    }

    private func renderMaturity(_ buffer: inout CellBuffer, levels: [LocalizedText], answer: Answer?, editor: ItemEditor, y start: Int,
                                density: LevelDensity) -> Int {
        let itemField = editor.field, commentField = editor.comment
        var current: Rated<Int>?, target: Rated<Int>?
        if case .maturity(let c, let t)? = answer?.value { (current, target) = (c, t) }
        var y = start
        let width = size.width - 4
        for (index, level) in levels.enumerated() {
            let stage = index + 1
            let isCurrent = current == .value(stage), isTarget = target == .value(stage)
            let style = isCurrent || isTarget ? Style.strong : .plain
            if density != .full {
                // "1 Ad hoc: descriptor …", the markers at the right of its first line.
                let lines = levelLines(stage, level, density: density)
                for (offset, line) in lines.enumerated() {
                    buffer.put(line, x: offset == 0 ? 2 : 4, y: y + offset, style: offset == 0 && !(isCurrent || isTarget) ? Style(color: .accent) : style)
                }
                // The markers in the margin, as the ratings line below names them.
                if isCurrent { buffer.put("◀", x: 0, y: y, style: Style(bold: true, color: .current)) }
                if isTarget { buffer.put("◆", x: 1, y: y, style: Style(bold: true, color: .target)) }
                y += lines.count
                continue
            }
            let name = MaturityStage(rawValue: stage)?.name.resolved(in: language) ?? ""
            var x = 2 + buffer.put("\(stage) \(name)", x: 2, y: y, style: isCurrent || isTarget ? .strong : Style(color: .accent), limit: width)
            if isCurrent {
                x += 2 + buffer.put("◀ \(words.current)", x: x + 2, y: y, style: Style(bold: true, reverse: itemField == .current, color: .current))
            }
            if isTarget {
                buffer.put("◆ \(words.target)", x: x + 2, y: y, style: Style(bold: true, reverse: itemField == .target, color: .target))
            }
            let lines = levelLines(stage, level, density: .full)
            for (offset, line) in lines.enumerated() { buffer.put(line, x: 2, y: y + 1 + offset, style: style) }
            y += 1 + lines.count
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
        var fields = [("◀ " + words.current, rated(current), ItemField.current), ("◆ " + words.target, rated(target), .target)]
        if let item, asksImportance(item) { fields.append((words.importance, importanceText, .importance)) }
        var x = 2
        for (label, value, field) in fields {
            let text = "\(label): \(value)"
            x += buffer.put(text, x: x, y: y, style: field == itemField && commentField == nil ? .selected : .plain) + 4
        }
        return y + 2
    }

    private func renderChoice(_ buffer: inout CellBuffer, options: [ChoiceOption], multiple: Bool, answer: Answer?, editor: ItemEditor,
                              y start: Int, bottom: Int) -> Int {
        var chosen: [String] = [], dontKnow = false
        switch answer?.value {
        case .choice(.value(let ids))?: chosen = ids
        case .choice(.dontKnow)?: dontKnow = true
        default: break
        }
        buffer.put(multiple ? words.chooseMany : words.choose, x: 2, y: start, style: .muted)
        var y = start + 1
        // The options as a list: scrolled so the highlighted one shows, "↓ n more" under it.
        let room = max(1, bottom - y - (dontKnow ? 1 : 0))
        let shown = options.count <= room ? options.count : max(1, room - 1)
        let first = options.count <= room ? 0 : max(0, min(editor.option - shown + 1, options.count - shown))
        for index in first..<min(options.count, first + shown) {
            let option = options[index]
            let mark = chosen.contains(option.id) ? (multiple ? "[x] " : "(•) ") : (multiple ? "[ ] " : "( ) ")
            let row = DisplayWidth.truncate(mark + option.label.resolved(in: language), to: size.width - 6)
            buffer.put(row, x: 4, y: y, style: index == editor.option && editor.comment == nil ? .selected : .plain)
            y += 1
        }
        let below = options.count - first - shown
        if below > 0 {
            buffer.put(ParticipantStrings.fill(words.moreOptions, ["count": String(below)]), x: 4, y: y, style: .muted)
            y += 1
        }
        if dontKnow { buffer.put("✓ " + words.dontKnow, x: 4, y: y, style: .strong); y += 1 }
        return y + 1
    }

    private func renderNumber(_ buffer: inout CellBuffer, spec: NumberSpec, editor: ItemEditor, y start: Int) -> Int {
        let unit = spec.unit.resolved(in: language)
        let allowed = words.allowedValues(spec, in: language)
        var y = start + buffer.wrap(allowed, x: 2, y: start, width: size.width - 4, maxLines: 4, style: .muted) + 1
        let labelWidth = max(DisplayWidth.of(words.current), DisplayWidth.of(words.target)) + 1
        let fieldX = 2 + labelWidth + 2
        for (index, label) in [words.current, words.target].enumerated() {
            let focused = (index == 0 ? ItemField.current : .target) == editor.field && editor.comment == nil
            buffer.put(label + ":", x: 2, y: y, style: focused ? .strong : .plain)
            (index == 0 ? editor.current : editor.target).render(into: &buffer, x: fieldX, y: y, width: 16, focused: focused, style: Style(underline: true))
            buffer.put(unit, x: fieldX + 18, y: y, style: .muted)
            y += 1
        }
        return y + 1
    }

    // MARK: Review and voting

    private func renderReview(_ buffer: inout CellBuffer, _ review: Review) {
        let area = frame(&buffer, heading: words.reviewTitle, help: words.reviewHelp)
        let open = unansweredItems
        let done = record?.done.value == true ? TextWrapping.wrap("✓ " + words.markedDone, width: size.width - 4) : []
        var y = area.top
        if open.isEmpty {
            y += buffer.wrap(words.reviewAllAnswered, x: 2, y: y, width: size.width - 4, maxLines: 3, style: Style(bold: true, color: .good)) + 1
        } else {
            buffer.put(ParticipantStrings.fill(words.reviewUnanswered, ["count": String(open.count)]), x: 2, y: y, style: .strong)
            y += 2
            // Each question on one line; Enter opens it in full.
            let width = size.width - 6
            ListView(rows: open.map { DisplayWidth.truncate($0.prompt.resolved(in: language), to: width) }, selection: review.selection)
                .render(into: &buffer, x: 4, y: y, width: width, height: max(1, area.bottom - y - (done.isEmpty ? 0 : done.count + 1)))
        }
        for (index, line) in done.enumerated() {
            buffer.put(line, x: 2, y: area.bottom - done.count + index, style: Style(color: .good))
        }
        if review.confirmingDone {
            let text = open.isEmpty ? words.confirmDoneMessage : ParticipantStrings.fill(words.confirmDoneOpen, ["count": String(open.count)])
            renderDialog(&buffer, title: words.confirmDoneTitle, message: text, keys: words.confirmDoneKeys)
        }
    }

    /// A gap's question alone, for its row; the row's detail adds the module.
    func votePrompt(_ item: ItemID) -> String {
        modules.lazy.compactMap { $0.item(item) }.first?.prompt.resolved(in: language) ?? item.rawValue
    }

    /// A gap's numbers on the voting screen: "1,8 → 3,6" and the priority; "–" when unknown.
    func voteNumbers(_ item: ItemID) -> (levels: String, priority: String) {
        let numbers = voting?.numbers[item]
        let show = { (value: Double?) in value.map(words.oneDecimal) ?? words.notGiven }
        guard let numbers else { return (words.notGiven, words.notGiven) }
        return (show(numbers.current) + " → " + show(numbers.target), show(numbers.priority))
    }

    private func renderVote(_ buffer: inout CellBuffer) {
        let area = frame(&buffer, heading: words.voteTitle, help: words.voteHelp)
        let used = votes.values.reduce(0, +)
        let budget = voting?.budget ?? 0
        buffer.put(ParticipantStrings.fill(words.votesLeft, ["count": String(max(0, budget - used)), "total": String(budget)]),
                   x: 2, y: area.top, style: Style(bold: true, color: used < budget ? .accent : .good))
        let rows = voteRows
        guard !rows.isEmpty else { return }
        // Columns: dots, now → goal, priority, then the gap, shortened to its row; the selected
        // gap shows in full under the list.
        let dotsWidth = max(DisplayWidth.of(words.voteDots), budget, 3)
        let levelsHeader = words.current + " → " + words.target
        let numbers = rows.map(voteNumbers)
        let levelsWidth = max(DisplayWidth.of(levelsHeader), numbers.map { DisplayWidth.of($0.levels) }.max() ?? 0)
        let priorityWidth = max(DisplayWidth.of(words.priority), numbers.map { DisplayWidth.of($0.priority) }.max() ?? 0)
        let labelX = dotsWidth + 2 + levelsWidth + 2 + priorityWidth + 2
        let width = size.width - 4
        let header = DisplayWidth.pad(words.voteDots, to: dotsWidth) + "  " + DisplayWidth.pad(levelsHeader, to: levelsWidth) + "  "
            + DisplayWidth.padLeft(words.priority, to: priorityWidth) + "  " + words.voteGap
        buffer.put(DisplayWidth.truncate(header, to: width), x: 2, y: area.top + 2, style: .muted)
        let detail = TextWrapping.wrap(voteLabel(rows[min(voteSelection, rows.count - 1)]), width: width)
        let listTop = area.top + 3
        let listHeight = max(1, min(rows.count, area.bottom - listTop - detail.count - 1))
        let lines = rows.enumerated().map { index, item -> String in
            let dots = String(repeating: "●", count: votes[item] ?? 0)
            return DisplayWidth.pad(dots, to: dotsWidth) + "  " + DisplayWidth.pad(numbers[index].levels, to: levelsWidth) + "  "
                + DisplayWidth.padLeft(numbers[index].priority, to: priorityWidth) + "  "
                + DisplayWidth.truncate(votePrompt(item), to: width - labelX)
        }
        ListView(rows: lines, selection: voteSelection).render(into: &buffer, x: 2, y: listTop, width: width, height: listHeight)
        for (index, line) in detail.enumerated() {
            let row = listTop + listHeight + 1 + index
            buffer.put(line, x: 2, y: row < area.bottom ? row : -1, style: .strong)
        }
    }
}

/// How much room a maturity item's four levels take on the item screen: the most readable layout
/// that fits the terminal is chosen, so that a long question on an 80×24 screen loses the stage
/// names before it loses any of its text.
enum LevelDensity {
    /// The stage's number and name on a line of their own, the descriptor under them.
    case full
    /// "1 Ad hoc: descriptor …".
    case compact
    /// "1 descriptor …".
    case tight
}
