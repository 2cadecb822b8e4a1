import Basics
import GapReport
import Questionnaire
import Scoring
import SessionModel

/// One line of a results list: what it shows, how, its full text (shown under the list while
/// the line is selected, so a label cut to fit is one key away), and what Enter opens.
struct ResultLine: Hashable, Sendable {
    enum Opening: Hashable, Sendable {
        case item(ItemID)
        case dimension(FacilitatorApp.DimensionKey)
    }

    var text: String
    var style: Style
    var full: String
    var opens: Opening?
}

extension FacilitatorApp {
    public func render() -> CellBuffer {
        var buffer = CellBuffer(width: size.width, height: size.height)
        guard size.width >= ParticipantApp.minimumSize.width, size.height >= ParticipantApp.minimumSize.height else {
            let text = FacilitatorStrings.fill(ParticipantStrings.forLanguage(language).tooSmall, [
                "w": String(ParticipantApp.minimumSize.width), "h": String(ParticipantApp.minimumSize.height),
                "cw": String(size.width), "ch": String(size.height)])
            buffer.wrap(text, x: 0, y: 0, width: size.width, maxLines: size.height, style: .strong)
            return buffer
        }
        header(&buffer)
        switch view {
        case .dashboard where showingJoin: joinScreen(&buffer)
        case .dashboard: dashboard(&buffer)
        case .agenda: agendaView(&buffer)
        case .results: results(&buffer)
        case .report: report(&buffer)
        case .goals: goals(&buffer)
        }
        let footer = footerLines
        if let message {
            // A long message takes the line above too, drawn over the view's last line.
            let lines = TextWrapping.wrap(message, width: size.width - 2)
            let top = bodyBottom + 1 - min(2, lines.count)
            buffer.fill(x: 0, y: top, width: size.width, height: bodyBottom + 1 - top)
            buffer.wrap(message, x: 1, y: top, width: size.width - 2, maxLines: 2,
                        style: Style(color: messageIsProblem ? .bad : .good))
        }
        let footerTop = size.height - footer.count
        buffer.fill(x: 0, y: footerTop, width: size.width, height: footer.count, style: .selected)
        for (offset, line) in footer.enumerated() {
            buffer.put(" " + line, x: 0, y: footerTop + offset, style: .selected, limit: size.width)
        }
        if let confirmation {
            let heading: String
            if case .access(let access) = confirmation { heading = FacilitatorStrings.fill(words.accessTitle, ["name": access.name]) } else { heading = title }
            let dialog = Dialog(title: DisplayWidth.truncate(heading, to: min(size.width - 4, 64) - 6), message: question(confirmation),
                                keys: confirmationKeys(confirmation))
            // The lines the box stands on are cleared from edge to edge: no half words beside it.
            let height = TextWrapping.wrap(dialog.message, width: min(size.width - 4, 64) - 4).count + 5
            buffer.fill(x: 0, y: max(0, (size.height - height) / 2), width: size.width, height: height)
            dialog.render(into: &buffer)
        }
        return buffer
    }

    private func question(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .reveal: return words.confirmReveal
        case .nextPhase(let from):
            let next = state.phaseAfter(in: agenda).map { agenda[$0].id } ?? ""
            let move = FacilitatorStrings.fill(words.confirmNextPhase, ["phase": phaseName(next)])
            // Moving past the first phase closes answering: say who it closes on.
            return from == 0 ? move + " " + unfinishedSummary : move
        case .deleteGoal: return words.confirmDeleteGoal
        case .exportFormat: return words.exportQuestion
        case .removeParticipant(let row):
            return FacilitatorStrings.fill(words.confirmRemove, ["name": row.name, "department": moduleTitle(row.department),
                                                                 "answered": String(row.answered)])
        case .access(let access):
            guard let code = access.code else { return FacilitatorStrings.fill(words.accessNone, ["name": access.name]) }
            var lines = [FacilitatorStrings.fill(words.accessCode, ["name": access.name, "code": code])]
            lines.append(access.clientKey.map { FacilitatorStrings.fill(words.accessKey, ["fingerprint": $0]) } ?? words.accessNoKey)
            lines.append(access.locked ? words.accessLocked
                : FacilitatorStrings.fill(words.accessWrongCodes, ["count": String(access.wrongCodes), "max": String(access.maximumWrongCodes)]))
            return lines.joined(separator: " ")
        }
    }

    private func confirmationKeys(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .exportFormat: exportKeyLine
        case .removeParticipant: words.confirmRemoveKeys
        case .access: words.accessKeys
        default: words.confirmKeys
        }
    }

    /// A shell command in lines of at most `width` columns, broken only between words (never in
    /// a quoted word), each line but the last ending in " \\" so that the lines pasted into a
    /// POSIX shell are one command again.
    static func continuedLines(_ command: String, width: Int) -> [String] {
        var words: [String] = [], word = "", quoted = false, escaped = false
        for character in command {
            if escaped { escaped = false } else if character == "\\" && !quoted { escaped = true }
            else if character == "'" { quoted.toggle() }
            else if character == " " && !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        var lines: [String] = []
        for word in words {
            if let last = lines.last, DisplayWidth.of(last + " " + word) + 2 <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + " \\" : $0.element }
    }

    /// Who has not finished answering: every name when there are a few, the count and the first
    /// few names when there are many.
    var unfinishedSummary: String {
        guard !rows.isEmpty else { return words.nobodyJoined }
        let open = rows.filter { !$0.done }.map(\.name)
        guard !open.isEmpty else { return words.everyoneFinished }
        var text = open.count <= 5 ? FacilitatorStrings.fill(words.notFinished, ["names": open.joined(separator: ", ")])
            : FacilitatorStrings.fill(words.notFinishedMany, ["count": String(open.count), "names": open.prefix(3).joined(separator: ", ")])
        // "… Hannah N.." reads as a slip: a name that ends the sentence with its own full stop keeps one.
        if text.hasSuffix("..") { text.removeLast() }
        return text
    }

    /// "t text · m Markdown · h HTML · c CSV · j JSON · Esc cancel", from the keys the export
    /// question answers to.
    private var exportKeyLine: String {
        (Confirmation.exportKeys.map { "\($0.key) \($0.format.properName ?? words.textFormat)" } + ["Esc \(words.cancel)"])
            .joined(separator: " · ")
    }

    /// Title, tabs and the phase with its clock.
    private func header(_ buffer: inout CellBuffer) {
        buffer.fill(x: 0, y: 0, width: size.width, height: 1, style: .selected)
        let phaseText: String
        if let clock = state.phaseClock(in: agenda, at: now) {
            let minutes = abs(clock.secondsLeft) / 60, seconds = abs(clock.secondsLeft) % 60
            let time = String(minutes) + ":" + (seconds < 10 ? "0" : "") + String(seconds)
            phaseText = FacilitatorStrings.fill(words.phase, ["n": String(state.phaseIndex + 1), "total": String(agenda.count), "name": phaseName(clock.phase.id)])
                + " · " + FacilitatorStrings.fill(clock.secondsLeft >= 0 ? words.left : words.over, ["time": time])
                + (clock.paused ? " · " + words.paused : "")
        } else {
            phaseText = FacilitatorStrings.fill(words.phase, ["n": "–", "total": String(agenda.count), "name": words.notStarted])
        }
        let phaseWidth = DisplayWidth.of(phaseText)
        // The title gives way to the clock: it is on the screen the whole time, the clock changes.
        buffer.put(" " + DisplayWidth.truncate(title, to: max(1, size.width - phaseWidth - 4)), x: 0, y: 0, style: .selected)
        var x = 1
        for (index, tab) in words.tabs.enumerated() {
            let label = " \(index + 1) \(tab) "
            x += buffer.put(label, x: x, y: 1, style: index == view.rawValue ? Style(bold: true, reverse: true, color: .accent) : .plain) + 1
        }
        buffer.put(phaseText, x: size.width - 1 - phaseWidth, y: 0, style: .selected)
        let secondsLeft = phaseClock?.secondsLeft ?? 1
        buffer.restyle(x: size.width - 1 - phaseWidth, y: 0, width: phaseWidth,
                       style: Style(bold: true, reverse: true, color: secondsLeft < 0 ? .bad : nil))
    }

    /// The join line in a box at the top of the dashboard while the console serves over SSH:
    /// what to type and the code in bold, then the host key and who is connected.
    private func servingPanel(_ buffer: inout CellBuffer, _ serving: Serving, y top: Int) {
        let width = size.width - 2
        let horizontal = String(repeating: "─", count: width - 2)
        let title = " " + words.servingTitle + " "
        buffer.put("┌" + horizontal + "┐", x: 1, y: top)
        buffer.put(title, x: 3, y: top, style: .strong)
        var y = top + 1
        let code = FacilitatorStrings.fill(words.servingCode, ["code": serving.code])
        for command in serving.joinCommands {
            buffer.put("│", x: 1, y: y)
            buffer.put("│", x: width, y: y)
            let used = buffer.put(command, x: 3, y: y, style: Style(bold: true, reverse: true, color: .accent), limit: width - 4)
            buffer.put(code, x: min(3 + used + 4, width - 1 - DisplayWidth.of(code)), y: y, style: Style(bold: true, reverse: true, color: .accent))
            y += 1
        }
        let joining = serving.screens - serving.connected.count
        var status = FacilitatorStrings.fill(words.servingConnected, ["count": String(serving.connected.count)])
        if joining > 0 { status += " (" + FacilitatorStrings.fill(words.servingJoining, ["count": String(joining)]) + ")" }
        let hostKey = FacilitatorStrings.fill(words.servingHostKey, ["fingerprint": serving.fingerprint])
        buffer.put("│", x: 1, y: y)
        buffer.put("│", x: width, y: y)
        buffer.put(status, x: 3, y: y, style: .strong)
        // The fingerprint whole or not at all on this line: people compare it character by character.
        if DisplayWidth.of(status) + DisplayWidth.of(hostKey) + 8 <= width {
            buffer.put(hostKey, x: width - 1 - DisplayWidth.of(hostKey), y: y, style: .muted)
            buffer.put("└" + horizontal + "┘", x: 1, y: y + 1)
        } else {
            buffer.put("└" + horizontal + "┘", x: 1, y: y + 1)
            buffer.put(" " + hostKey + " ", x: 3, y: y + 1, style: .muted, limit: width - 4)
        }
    }

    /// The join line alone on the screen, for the projector: what to type, the code, where to
    /// type it, and the host key to compare.
    private func joinScreen(_ buffer: inout CellBuffer) {
        guard let serving else { return }
        var y = 3
        y += buffer.wrap(words.joinScreenTitle, x: 2, y: y, width: size.width - 4, maxLines: 2, style: Style(bold: true, color: .accent)) + 1
        for command in serving.joinCommands where y < bodyBottom - 8 {
            y += buffer.wrap(command, x: 4, y: y, width: size.width - 8, maxLines: 2, style: Style(bold: true, reverse: true, color: .accent)) + 1
        }
        // The code in block letters under its label: it is what people misread from afar.
        let label = FacilitatorStrings.fill(words.servingCode, ["code": ""]).trimmingCharacters(in: .whitespaces)
        y += buffer.wrap(label, x: 4, y: y, width: size.width - 8, maxLines: 1, style: .strong)
        y = BigText.render(serving.code, into: &buffer, x: 4, y: y, width: size.width - 8, style: Style(bold: true, color: .accent)) + 1
        y += buffer.wrap(words.joinScreenSteps, x: 2, y: y, width: size.width - 4, maxLines: 3) + 1
        buffer.wrap(FacilitatorStrings.fill(words.servingHostKey, ["fingerprint": serving.fingerprint]), x: 2, y: min(y, bodyBottom - 1),
                    width: size.width - 4, maxLines: 2, style: .muted)
    }

    private func dashboard(_ buffer: inout CellBuffer) {
        var y = 3
        if let serving {
            servingPanel(&buffer, serving, y: y)
            y += servingPanelHeight
        }
        if rows.isEmpty {
            y += buffer.wrap(words.noParticipants, x: 2, y: y, width: size.width - 4, maxLines: 2)
            // The command alone on its lines, so that it is copied whole; a line it goes on from
            // ends in a backslash, so the shell reads the lines pasted as one command.
            // A word wider than the screen (a deep folder) still has to break where it must.
            y += 1
            for line in Self.continuedLines(joinCommand, width: size.width - 6) where y < bodyBottom {
                y += buffer.wrap(line, x: 4, y: y, width: size.width - 6, maxLines: bodyBottom - y, style: .strong)
            }
        } else {
            // While serving, each line starts with a mark for a participant connected now.
            let markWidth = serving == nil ? 0 : 2
            let nameWidth = max(14, size.width - 64 - markWidth)
            let header = String(repeating: " ", count: markWidth) + DisplayWidth.pad(words.participant, to: nameWidth) + " " + DisplayWidth.pad(words.department, to: 18) + " "
                + DisplayWidth.pad(words.progress, to: 20) + " " + DisplayWidth.pad(words.lastActivity, to: 6) + " " + words.done
            buffer.put(DisplayWidth.truncate(header, to: size.width - 4), x: 2, y: y, style: .strong)
            y = dashboardTop
            let room = dashboardRoom
            let first = ListView(rows: rows.map(\.name), selection: dashboardSelection).firstVisible(height: room)
            for (index, row) in rows.enumerated().dropFirst(first).prefix(room) {
                var x = 2
                if let serving {
                    let connected = row.id.map(serving.connected.contains) ?? false
                    buffer.put(connected ? "●" : "·", x: x, y: y, style: Style(bold: connected, color: connected ? .good : nil))
                    x += markWidth
                }
                x += buffer.put(DisplayWidth.pad(row.name, to: nameWidth), x: x, y: y) + 1
                x += buffer.put(DisplayWidth.pad(moduleTitle(row.department), to: 18), x: x, y: y) + 1
                ProgressBar(done: row.answered, total: row.visible).render(into: &buffer, x: x, y: y, width: 12)
                buffer.put(DisplayWidth.padLeft("\(row.answered)/\(row.visible)", to: 7), x: x + 12, y: y)
                x += 21
                x += buffer.put(DisplayWidth.pad(String(row.lastActivity.description.dropFirst(11).prefix(5)), to: 6), x: x, y: y, style: .muted) + 1
                buffer.put(row.done ? "✓" : "·", x: x + 1, y: y, style: Style(bold: row.done, color: row.done ? .good : nil))
                if index == dashboardSelection { buffer.restyle(x: 2, y: y, width: size.width - 4, style: .selected) }
                y += 1
            }
            if rows.count > room {
                let showing = FacilitatorStrings.fill(words.showingRows, ["first": String(first + 1), "last": String(min(rows.count, first + room)),
                                                                          "total": String(rows.count)])
                buffer.put(showing, x: 2, y: y, style: .muted)
            }
            // A name or department cut in its column shows whole for the selected row.
            if rows.indices.contains(dashboardSelection) {
                let row = rows[dashboardSelection]
                let department = moduleTitle(row.department)
                if DisplayWidth.of(row.name) > nameWidth || DisplayWidth.of(department) > 18 {
                    buffer.wrap(row.name + " · " + department, x: 2, y: y + 1, width: size.width - 4, maxLines: 1, style: .strong)
                }
            }
            y += 3
            for department in departments {
                let total = departmentTotals[department] ?? DepartmentTotal()
                let label = "\(moduleTitle(department)): \(total.members), \(total.done) \(words.done.lowercased())"
                buffer.put(DisplayWidth.pad(label, to: 40), x: 2, y: y)
                ProgressBar(done: total.answered, total: max(1, total.visible)).render(into: &buffer, x: 44, y: y, width: 20)
                y += 1
            }
        }
        if skippedFiles > 0 {
            buffer.wrap(FacilitatorStrings.fill(words.skippedFiles, ["count": String(skippedFiles)]), x: 2, y: bodyBottom - 2,
                        width: size.width - 4, maxLines: 2, style: Style(color: .warning))
        }
    }

    private func agendaView(_ buffer: inout CellBuffer) {
        var y = 3
        let clock = state.phaseClock(in: agenda, at: now)
        let nameWidth = agenda.map { DisplayWidth.of(phaseName($0.id)) }.max() ?? 10
        let minutesX = min(max(30, 10 + nameWidth), size.width - 40)
        for (index, phase) in agenda.enumerated() {
            let current = state.phaseStarted != nil && index == state.phaseIndex
            let past = state.phaseStarted != nil && index < state.phaseIndex
            let mark = current ? "▶" : past ? "✓" : " "
            buffer.put("\(mark) \(index + 1). " + DisplayWidth.truncate(phaseName(phase.id), to: minutesX - 9), x: 2, y: y,
                       style: current ? .strong : past ? .muted : .plain)
            let minutes = phase.minutes + (current ? state.phaseExtraMinutes : 0)
            buffer.put("\(minutes) min", x: minutesX, y: y, style: .muted)
            if current, let clock {
                let total = minutes * 60
                ProgressBar(done: max(0, total - max(0, clock.secondsLeft)), total: total).render(into: &buffer, x: minutesX + 10, y: y, width: 24)
                if clock.paused { buffer.put(words.paused, x: minutesX + 36, y: y, style: Style(bold: true, color: .warning)) }
            }
            y += 1
        }
        y += 1
        y += buffer.wrap(state.revealed ? "✓ " + words.revealed : words.hidden, x: 2, y: y, width: size.width - 4, maxLines: 3,
                         style: state.revealed ? Style(color: .good) : .muted)
        y += 1
        buffer.wrap(FacilitatorStrings.fill(words.dotsPerParticipant, ["count": String(state.votesPerParticipant)]) + "   (+ / -)",
                    x: 2, y: y, width: size.width - 4, maxLines: 2, style: .strong)
    }

    private func results(_ buffer: inout CellBuffer) {
        var x = 2
        let views = availableResultViews
        let names = Self.fittedTabs(views.map { words.resultViews[$0.rawValue] }, selected: views.firstIndex(of: resultView) ?? 0,
                                    width: size.width - 4)
        for (index, name) in names.enumerated() {
            x += buffer.put(" \(name) ", x: x, y: 3, style: views[index] == resultView ? .selected : .muted) + 1
        }
        guard state.revealed, let document else {
            buffer.wrap(words.hidden, x: 2, y: 5, width: size.width - 4, maxLines: 3, style: .muted)
            return
        }
        if let drillItem {
            drillDown(&buffer, document, drillItem)
            return
        }
        if let openDimension {
            let name = document.moduleTitle(openDimension.module) + " · " + document.dimensionTitle(module: openDimension.module, dimension: openDimension.dimension)
            buffer.wrap(FacilitatorStrings.fill(words.dimensionItems, ["dimension": name]), x: 2, y: 5, width: size.width - 4, maxLines: 1,
                        style: .strong)
        } else if resultView == .perception {
            for (offset, line) in perceptionHeader.enumerated() { buffer.put(line, x: 2, y: 5 + offset, style: .strong) }
        }
        let lines = resultLines
        if lines.isEmpty {
            buffer.wrap(words.noItems, x: 2, y: resultTop, width: size.width - 4, maxLines: 2, style: .muted)
            return
        }
        let room = resultRoom
        let first = ListView(rows: lines.map(\.text), selection: resultSelection).firstVisible(height: room)
        for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
            let selected = first + offset == resultSelection
            buffer.put(DisplayWidth.pad(line.text, to: size.width - 4), x: 2, y: resultTop + offset, style: selected ? .selected : line.style)
        }
        // The selected line in full, under the list, when its label had to be cut to fit.
        if let selected = selectedResultLine, !selected.text.contains(selected.full) {
            let top = resultTop + min(room, lines.count) + 1
            buffer.wrap(selected.full, x: 2, y: top, width: size.width - 4, maxLines: max(1, bodyBottom - top), style: .muted)
        }
    }

    /// One item in detail: its numbers, how the room answered, each department's view, comments.
    private func drillDown(_ buffer: inout CellBuffer, _ document: ReportDocument, _ id: ItemID) {
        guard let score = document.scores.item(id) else { return }
        let width = size.width - 4
        var y = 5
        y += buffer.wrap(document.moduleTitle(score.module) + " · " + document.prompt(id), x: 2, y: y, width: width, maxLines: 4, style: .strong)
        y += 1
        let flags = [score.disagreement ? words.drillDisagreement : nil, score.lowConfidence ? words.drillLowConfidence : nil].compactMap { $0 }
        y += buffer.wrap("n \(score.n) · \(number(score.current)) → \(number(score.target)) · Δ \(number(score.gap)) · σ \(number(score.spread))"
                         + " · \(words.drillPriority) \(number(score.priority))" + (flags.isEmpty ? "" : " · " + flags.joined(separator: ", ")),
                         x: 2, y: y, width: width, maxLines: 2, style: heat(score.gap))
        y += 1
        let names = (1...4).map { MaturityStage(rawValue: $0)?.name.resolved(in: language) ?? "" }
        let labelWidth = 2 + (names.map { DisplayWidth.of($0) }.max() ?? 10)
        let barX = 2 + labelWidth + 2
        let barWidth = max(6, (size.width - barX - 2 - 2 * 5) / 2)
        let most = max(1, (score.currentHistogram + score.targetHistogram).max() ?? 1)
        for stage in 1...4 {
            let now = score.currentHistogram[stage - 1], goal = score.targetHistogram[stage - 1]
            buffer.put("\(stage) " + names[stage - 1], x: 2, y: y)
            buffer.put(String(repeating: "█", count: now * barWidth / most) + " \(now)", x: barX, y: y, style: Style(color: .current))
            buffer.put(String(repeating: "▒", count: goal * barWidth / most) + " \(goal)", x: barX + barWidth + 5, y: y, style: Style(color: .target))
            y += 1
        }
        y += buffer.wrap("█ " + words.drillCurrent + "   ▒ " + words.drillTarget + "   " + words.drillDontKnow
                         + " \(score.dontKnowCurrent)/\(score.dontKnowTarget)", x: barX, y: y, width: size.width - barX - 2, maxLines: 2, style: .muted)
        y += 1
        if !score.byDepartment.isEmpty {
            let views = score.byDepartment.filter { $0.n > 0 }.map { "\(moduleTitle($0.department)) \(number($0.current)) (\($0.n))" }
            y += buffer.wrap(views.joined(separator: " · "), x: 2, y: y, width: width, maxLines: 3)
            y += 1
        }
        for comment in document.comments(on: id) where y < bodyBottom {
            y += buffer.wrap("– [\(moduleTitle(comment.department))] " + comment.text, x: 2, y: y, width: width,
                             maxLines: min(2, bodyBottom - y), style: .muted)
        }
    }

    /// The style a gap is drawn in: the bigger, the hotter.
    private func heat(_ gap: Double?) -> Style {
        guard let gap else { return .muted }
        return Style(bold: gap >= 1, color: gap >= 1 ? .bad : gap >= 0.5 ? .warning : .good)
    }

    /// A number as the report writes it in the console's language ("2,50" in Polish, Swedish
    /// and Italian); "–" stands as wide as "2.00".
    private func number(_ value: Double?) -> String {
        DisplayWidth.padLeft(LocalizedNumbers(ReportStrings.forLanguage(language)).fixed(value), to: 4)
    }

    /// The lines of the results view showing: an opened dimension's questions, or the view's own.
    var resultLines: [ResultLine] {
        guard state.revealed, let document else { return [] }
        if let openDimension { return itemLines(document, document.scores.items.filter {
            $0.module == openDimension.module && $0.dimension == openDimension.dimension && $0.current != nil
        }.sorted { ($0.priority ?? -1) > ($1.priority ?? -1) }) }
        switch resultView {
        case .heatMap: return heatMap(document)
        case .rankedGaps: return itemLines(document, sortByVotes ? document.scores.rankedGapsByVotes : document.scores.rankedGaps)
        case .disagreements: return disagreements(document)
        case .perception: return perception(document)
        case .sinceLastTime: return sinceLastTime(document)
        }
    }

    /// Tab names that fit `width` with their spaces: the selected one whole, the others cut
    /// evenly with an ellipsis when they do not all fit.
    static func fittedTabs(_ names: [String], selected: Int, width: Int) -> [String] {
        let total = names.reduce(0) { $0 + DisplayWidth.of($1) + 3 }
        guard total > width, names.indices.contains(selected) else { return names }
        let others = names.count - 1
        let room = width - DisplayWidth.of(names[selected]) - 3 * names.count
        let each = max(1, others > 0 ? room / others : 0)
        return names.enumerated().map { index, name in index == selected ? name : DisplayWidth.truncate(name, to: each) }
    }

    /// The goals the session before agreed, with their review so far, then → now for each
    /// dimension against that session.
    private func sinceLastTime(_ document: ReportDocument) -> [ResultLine] {
        guard let followUp = document.followUp else { return [] }
        let comparisonWords = ComparisonStrings.forLanguage(language)
        guard let comparison = followUp.comparison?.comparison else {
            let text = ComparisonStrings.fill(comparisonWords.sinceUnavailable, ["then": followUp.earlier, "reason": followUp.unavailable ?? ""])
            return reviewLines(followUp)
                + [ResultLine(text: DisplayWidth.truncate(text, to: size.width - 4), style: Style(color: .warning), full: text, opens: nil)]
        }
        let numbers = LocalizedNumbers(ReportStrings.forLanguage(language))
        func signed(_ value: Double?) -> String { numbers.signed(value) }
        func percent(_ value: Double?) -> String { value == nil ? "" : numbers.percent(value) }
        // "  2.00 → 2.50  +0.50   25 %": 13 columns for then → now, 7 for the change, 9 for the share.
        let then = 13, change = 7, closed = 9
        let labelWidth = size.width - 4 - then - change - closed
        func cells(_ levels: [ComparedLevel], _ change: LevelChange?) -> String {
            "  \(number(levels.first?.current)) → \(number(levels.last?.current))" + DisplayWidth.padLeft(signed(change?.current), to: 7)
                + DisplayWidth.padLeft(percent(change?.closed), to: closed)
        }
        func style(_ change: LevelChange?) -> Style {
            guard let value = change?.current else { return .muted }
            return value >= 0.25 ? Style(color: .good) : (value <= -0.25 ? Style(color: .bad) : .plain)
        }
        // The title names the session before; each row reads then → now, its change and the
        // share of the old gap closed.
        let title = ComparisonStrings.fill(comparisonWords.sinceTitle, ["then": followUp.earlier])
        // The goals first: whether the room did what it said is the first question.
        var lines = reviewLines(followUp) + [
                     ResultLine(text: DisplayWidth.truncate(title, to: size.width - 4), style: .strong, full: title, opens: nil),
                     ResultLine(text: DisplayWidth.pad(comparisonWords.dimension, to: labelWidth) + String(repeating: " ", count: then)
                                    + DisplayWidth.padLeft(comparisonWords.change, to: change) + DisplayWidth.padLeft(comparisonWords.closed, to: closed),
                                style: .muted, full: comparisonWords.legendOverTime, opens: nil)]
        for module in comparison.modules {
            let title = document.moduleTitle(module.module)
            lines.append(ResultLine(text: DisplayWidth.pad(title, to: labelWidth) + cells(module.levels, module.change),
                                    style: Style(bold: true, color: .accent), full: title, opens: nil))
            for dimension in module.dimensions {
                let name = document.dimensionTitle(module: module.module, dimension: dimension.dimension)
                lines.append(ResultLine(text: "  " + DisplayWidth.pad(name, to: labelWidth - 2) + cells(dimension.levels, dimension.change),
                                        style: style(dimension.change), full: name,
                                        opens: .dimension(DimensionKey(module: module.module, dimension: dimension.dimension))))
            }
        }
        return lines
    }

    /// The goals carried over, one line each with its status and the KPI now.
    private func reviewLines(_ followUp: FollowUpSection) -> [ResultLine] {
        let heading = FacilitatorStrings.fill(words.reviewsHeading, ["earlier": followUp.earlier])
        var lines = [ResultLine(text: DisplayWidth.truncate(heading, to: size.width - 4), style: Style(bold: true, color: .accent),
                                full: heading, opens: nil)]
        for review in state.reviews {
            let text = reviewText(review)
            lines.append(ResultLine(text: DisplayWidth.truncate(text, to: size.width - 4), style: .plain, full: text, opens: nil))
        }
        return lines
    }

    /// "[late] Click and collect in every store · now 38 %".
    func reviewText(_ review: GoalReview) -> String {
        let status = Self.statusName(review.status, in: language)
        return "[\(status)] \(review.goal.statement)" + (review.actual.isEmpty ? "" : " · " + words.reviewFields[0] + ": " + review.actual)
    }

    private func heatMap(_ document: ReportDocument) -> [ResultLine] {
        var lines: [ResultLine] = []
        // The label, then "2.00 → 4.00  Δ 2.00" and a bar of up to 8 cells, with gaps: 31 columns.
        let labelWidth = size.width - 4 - 31
        for module in document.scores.modules {
            let level = module.level
            let title = document.moduleTitle(module.module)
            lines.append(ResultLine(text: DisplayWidth.pad(title, to: labelWidth) + "  \(number(level.current)) → \(number(level.target))  Δ \(number(level.gap))",
                                    style: Style(bold: true, color: .accent), full: title, opens: nil))
            for dimension in module.dimensions {
                let name = document.dimensionTitle(module: module.module, dimension: dimension.dimension)
                let cells = "\(number(dimension.level.current)) → \(number(dimension.level.target))  Δ \(number(dimension.level.gap))"
                lines.append(ResultLine(text: "  " + DisplayWidth.pad(name, to: labelWidth - 2) + "  " + cells + "  "
                                            + String(repeating: "█", count: Int(((dimension.level.gap ?? 0) * 4).rounded()).clamped(0, 8)),
                                        style: heat(dimension.level.gap), full: name,
                                        opens: .dimension(DimensionKey(module: module.module, dimension: dimension.dimension))))
            }
        }
        return lines
    }

    /// Items as a ranked list: rank, priority, title, current → target and dots.
    private func itemLines(_ document: ReportDocument, _ items: [ItemScore]) -> [ResultLine] {
        items.enumerated().map { index, item in
            let votes = document.scores.votes[item.item] ?? 0
            let numbers = "  \(number(item.current)) → \(number(item.target))  " + confidence(item)
                + DisplayWidth.padLeft(votes > 0 ? "●\(votes)" : "", to: 4)
            let lead = DisplayWidth.padLeft("\(index + 1).", to: 4) + " " + number(item.priority) + "  "
            let label = document.moduleTitle(item.module) + " · " + document.prompt(item.item)
            return ResultLine(text: lead + DisplayWidth.pad(label, to: size.width - 4 - DisplayWidth.of(lead) - DisplayWidth.of(numbers)) + numbers,
                              style: heat(item.gap), full: label + confidenceNote(item), opens: .item(item.item))
        }
    }

    private func disagreements(_ document: ReportDocument) -> [ResultLine] {
        document.scores.disagreements.map { item in
            let numbers = "  \(item.minimum ?? 0)–\(item.maximum ?? 0)  σ \(number(item.spread))  " + confidence(item)
            let label = document.moduleTitle(item.module) + " · " + document.prompt(item.item)
            return ResultLine(text: DisplayWidth.pad(label, to: size.width - 4 - DisplayWidth.of(numbers)) + numbers,
                              style: Style(color: .warning), full: label + confidenceNote(item), opens: .item(item.item))
        }
    }

    /// How many people stand behind a gap, in a list row: "n=1*" when too few to read it as the
    /// group's view. The selected row's full line says it in words.
    private func confidence(_ item: ItemScore) -> String {
        DisplayWidth.pad("n=\(item.n)" + (item.lowConfidence ? "*" : ""), to: 6)
    }

    private func confidenceNote(_ item: ItemScore) -> String {
        " (n=\(item.n)" + (item.lowConfidence ? ", " + words.drillLowConfidence : "") + ")"
    }

    /// The perception matrix's columns: each department's as wide as the longest word of its
    /// name, so that names wrap in the header rather than being cut, but narrow enough for every
    /// department to fit beside the dimension names (however many departments the session
    /// has), and never narrower than a number; the gap's column fits "1.08 !".
    private var perceptionColumns: (label: Int, column: Int, gap: Int) {
        let gap = 6, minimumLabel = 8
        let room = size.width - 4 - minimumLabel - (gap + 1)
        let fitting = room / max(1, departments.count) - 1
        let longestWord = departments.flatMap { moduleTitle($0).split(separator: " ").map { DisplayWidth.of($0) } }.max() ?? 9
        let column = max(6, min(longestWord, 14, fitting))
        return (max(minimumLabel, size.width - 4 - departments.count * (column + 1) - (gap + 1)), column, gap)
    }

    /// The department names over the matrix's columns, each wrapped to its column.
    var perceptionHeader: [String] {
        let (labelWidth, column, gap) = perceptionColumns
        // A word wider than its column is shortened with an ellipsis rather than broken: at 80
        // columns with five departments, "informativi" must not become "informativ" and "i".
        let names = departments.map { department in
            TextWrapping.wrap(moduleTitle(department).split(separator: " ").map { DisplayWidth.truncate(String($0), to: column) }
                .joined(separator: " "), width: column)
        }
        let height = names.map(\.count).max() ?? 1
        return (0..<height).map { row in
            names.reduce(String(repeating: " ", count: labelWidth)) { line, name in
                line + " " + DisplayWidth.padLeft(row < name.count ? name[row] : "", to: column)
            } + " " + DisplayWidth.padLeft(row == 0 ? "Δ" : "", to: gap)
        }
    }

    private func perception(_ document: ReportDocument) -> [ResultLine] {
        let (labelWidth, column, gap) = perceptionColumns
        return document.scores.perceptionMatrix.map { row in
            let name = document.dimensionTitle(module: row.module, dimension: row.dimension)
            var line = DisplayWidth.pad(name, to: labelWidth)
            for department in departments {
                line += " " + DisplayWidth.padLeft(number(row.means.first { $0.department == department }?.mean), to: column)
            }
            line += " " + DisplayWidth.padLeft(number(row.gap) + (row.flagged ? " !" : ""), to: gap)
            return ResultLine(text: line, style: row.flagged ? Style(bold: true, color: .bad) : .plain,
                              full: name,
                              opens: .dimension(DimensionKey(module: row.module, dimension: row.dimension)))
        }
    }

    private func report(_ buffer: inout CellBuffer) {
        guard state.revealed, document != nil else {
            buffer.wrap(words.hidden, x: 2, y: 3, width: size.width - 4, maxLines: 3, style: .muted)
            return
        }
        guard !reportLines.isEmpty else {
            buffer.wrap(words.preparingReport, x: 2, y: 3, width: size.width - 4, maxLines: 2, style: .muted)
            return
        }
        let first = min(scroll, maximumScroll)
        for (offset, line) in reportLines.dropFirst(first).prefix(reportRoom).enumerated() {
            // The text report is laid out for 80 columns with its own margin: at 80 columns it
            // fits whole, from the first column.
            buffer.put(line, x: 0, y: 3 + offset)
        }
    }
}

extension FacilitatorApp {
    /// The goals: a list with the selected goal in full under it, or the form for one.
    fileprivate func goals(_ buffer: inout CellBuffer) {
        buffer.put(words.goalsTitle, x: 2, y: 3, style: Style(bold: true, color: .accent))
        if let form = goalForm {
            if let selection = form.picking { picker(&buffer, form, selection) } else { goalFormView(&buffer, form) }
            return
        }
        if let form = reviewForm {
            reviewFormView(&buffer, form)
            return
        }
        guard !state.goals.isEmpty || !state.reviews.isEmpty else {
            buffer.wrap(words.noGoals, x: 2, y: 5, width: size.width - 4, maxLines: 3, style: .muted)
            return
        }
        // One line a goal, cut with an ellipsis; the selected goal in full below the list. In a
        // follow-up, the earlier session's goals come first, each led by its status.
        let rows = state.reviews.map(reviewText) + state.goals.enumerated().map { "\($0.offset + 1). " + $0.element.statement }
        if !state.reviews.isEmpty, let earlier = earlierName {
            buffer.put(DisplayWidth.truncate(FacilitatorStrings.fill(words.reviewsHeading, ["earlier": earlier]), to: size.width - 4 - DisplayWidth.of(words.goalsTitle) - 3),
                       x: DisplayWidth.of(words.goalsTitle) + 5, y: 3, style: .muted)
        }
        let capacity = max(1, min(rows.count, (bodyBottom - 5) / 3))
        let first = ListView(rows: rows, selection: goalSelection).firstVisible(height: capacity)
        if first > 0 { buffer.put("↑ \(first)", x: size.width - 8, y: 4, style: .muted) }
        for (offset, (index, row)) in rows.enumerated().dropFirst(first).prefix(capacity).enumerated() {
            buffer.put(DisplayWidth.pad(row, to: size.width - 4), x: 2, y: 5 + offset,
                       style: index == goalSelection ? .selected : (index < state.reviews.count ? .plain : .strong))
        }
        var y = 5 + capacity
        let hiddenBelow = rows.count - first - capacity
        if hiddenBelow > 0 { buffer.put("↓ \(hiddenBelow)", x: 2, y: y, style: .muted) }
        y += 1
        let reviewed = state.reviews.indices.contains(goalSelection) ? state.reviews[goalSelection] : nil
        guard let goal = reviewed?.goal ?? (state.goals.indices.contains(goalSelection - state.reviews.count)
                                            ? state.goals[goalSelection - state.reviews.count] : nil) else { return }
        let review = reviewed.map { review in
            [words.reviewFields[1] + ": " + Self.statusName(review.status, in: language),
             review.actual.isEmpty ? "" : words.reviewFields[0] + ": " + review.actual,
             review.note.isEmpty ? "" : words.reviewFields[2] + ": " + review.note].filter { !$0.isEmpty }.joined(separator: " · ")
        }
        let details = [goal.statement, review,
                       goal.kpi.isEmpty && goal.baseline.isEmpty && goal.target.isEmpty ? nil
                           : "\(goal.kpi.isEmpty ? words.goalFields[1] : goal.kpi): \(goal.baseline) → \(goal.target)",
                       [goal.owner, goal.due.isEmpty ? "" : words.goalDue + " " + goal.due].filter { !$0.isEmpty }.joined(separator: " · "),
                       goal.links.isEmpty ? nil : words.goalFields[6] + ": " + goal.links.map(linkTitle).joined(separator: "; ")]
            .compactMap { $0 }.filter { !$0.isEmpty }
        for (index, detail) in details.enumerated() where y < bodyBottom {
            y += buffer.wrap(detail, x: 2, y: y, width: size.width - 4, maxLines: bodyBottom - y, style: index == 0 ? .strong : .plain)
        }
    }

    /// The review form: the goal as agreed, then the KPI now, the status and the note.
    private func reviewFormView(_ buffer: inout CellBuffer, _ form: ReviewForm) {
        guard let review = state.reviews.first(where: { $0.goal.id == form.goalID }) else { return }
        var y = 5
        y += buffer.wrap(review.goal.statement, x: 2, y: y, width: size.width - 4, maxLines: 2, style: .strong)
        let goal = review.goal
        if !goal.kpi.isEmpty || !goal.baseline.isEmpty || !goal.target.isEmpty {
            y += buffer.wrap("\(goal.kpi.isEmpty ? words.goalFields[1] : goal.kpi): \(goal.baseline) → \(goal.target)", x: 2, y: y,
                             width: size.width - 4, maxLines: 1, style: .muted)
        }
        y += 1
        let labelWidth = min(24, words.reviewFields.map { DisplayWidth.of($0) }.max() ?? 10)
        let fieldWidth = size.width - labelWidth - 6
        for (field, label) in zip(ReviewForm.Field.allCases, words.reviewFields) where y < bodyBottom {
            let focused = field == form.focus
            buffer.put(DisplayWidth.truncate(label, to: labelWidth) + ":", x: 2, y: y, style: focused ? .strong : .plain)
            switch field {
            case .actual: form.actual.render(into: &buffer, x: labelWidth + 4, y: y, width: fieldWidth, focused: focused, style: Style(underline: true))
            case .note: form.note.render(into: &buffer, x: labelWidth + 4, y: y, width: fieldWidth, focused: focused, style: Style(underline: true))
            case .status:
                let status = "◀ " + Self.statusName(form.status, in: language) + " ▶"
                buffer.put(status, x: labelWidth + 4, y: y, style: focused ? Style(bold: true, underline: true) : Style(underline: true))
            }
            y += 2
        }
    }

    /// The form's fields, one a line, and the gaps the goal closes by their titles.
    private func goalFormView(_ buffer: inout CellBuffer, _ form: GoalForm) {
        let labelWidth = min(34, words.goalFields.map { DisplayWidth.of($0) }.max() ?? 10)
        let fieldWidth = size.width - labelWidth - 6
        for (field, label) in zip(GoalForm.Field.allCases, words.goalFields) where field != .links {
            let y = 5 + field.rawValue * 2
            buffer.put(DisplayWidth.truncate(label, to: labelWidth) + ":", x: 2, y: y, style: field == form.focus ? .strong : .plain)
            if field == form.focus {
                form[field].render(into: &buffer, x: labelWidth + 4, y: y, width: fieldWidth, focused: true, style: Style(underline: true))
            } else {
                // A field not being edited shows its beginning, and an ellipsis when it goes on.
                buffer.put(DisplayWidth.pad(form[field].value, to: fieldWidth), x: labelWidth + 4, y: y, style: Style(underline: true))
            }
        }
        let y = 5 + GoalForm.Field.links.rawValue * 2
        let focused = form.focus == .links
        buffer.put(DisplayWidth.truncate(words.goalFields[6], to: labelWidth) + ":", x: 2, y: y, style: focused ? .strong : .plain)
        let chosen = form.links.isEmpty ? words.noLinks : form.links.map(linkTitle).joined(separator: "; ")
        buffer.wrap(chosen, x: labelWidth + 4, y: y, width: size.width - labelWidth - 6, maxLines: max(1, bodyBottom - y),
                    style: focused ? Style(bold: true, underline: true) : (form.links.isEmpty ? .muted : .plain))
    }

    /// The gaps a goal can close, ticked when chosen, the selected one in full below.
    private func picker(_ buffer: inout CellBuffer, _ form: GoalForm, _ selection: Int) {
        buffer.put(words.pickerTitle, x: 2, y: 4, style: .strong)
        let choices = linkChoices(form)
        let room = pickerRoom
        let first = ListView(rows: choices, selection: selection).firstVisible(height: room)
        for (offset, id) in choices.enumerated().dropFirst(first).prefix(room) {
            let mark = form.links.contains(id) ? "[x] " : "[ ] "
            let numbers = document?.scores.item(ItemID(id)).map { "  \(number($0.current)) → \(number($0.target))" } ?? ""
            let label = DisplayWidth.pad(linkTitle(id), to: size.width - 4 - 4 - DisplayWidth.of(numbers))
            buffer.put(mark + label + numbers, x: 2, y: 5 + offset - first, style: offset == selection ? .selected : .plain)
        }
        if choices.indices.contains(selection) {
            let top = 5 + min(room, choices.count) + 1
            let step = nextStep(for: choices[selection]).map { "\n→ " + $0 } ?? ""
            buffer.wrap(linkTitle(choices[selection]) + step, x: 2, y: top, width: size.width - 4, maxLines: max(1, bodyBottom - top), style: .muted)
        }
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}
