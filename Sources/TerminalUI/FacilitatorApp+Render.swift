import Basics
import GapReport
import Questionnaire
import Scoring

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
        case .dashboard: dashboard(&buffer)
        case .agenda: agendaView(&buffer)
        case .results: results(&buffer)
        case .report: report(&buffer)
        case .goals: goals(&buffer)
        }
        if let message { buffer.put(message, x: 1, y: size.height - 2, style: Style(color: .good), limit: size.width - 2) }
        let help = goalForm != nil ? words.goalFormHelp : view == .agenda ? words.agendaHelp : view == .results ? words.resultsHelp
            : view == .report ? words.reportHelp : view == .goals ? words.goalsHelp : words.help
        HelpBar(help).render(into: &buffer)
        if let confirmation {
            let next = state.phaseAfter(in: agenda).map { agenda[$0].id } ?? ""
            let text: String
            switch confirmation {
            case .reveal: text = words.confirmReveal
            case .nextPhase: text = FacilitatorStrings.fill(words.confirmNextPhase, ["phase": phaseName(next)])
            case .deleteGoal: text = words.confirmDeleteGoal
            case .exportFormat: text = words.exportQuestion
            }
            Dialog(title: title, message: text, keys: confirmation == .exportFormat ? exportKeyLine : words.confirmKeys).render(into: &buffer)
        }
        return buffer
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
        buffer.put(" " + title, x: 0, y: 0, style: .selected, limit: size.width - 30)
        var x = 1
        for (index, tab) in words.tabs.enumerated() {
            let label = " \(index + 1) \(tab) "
            x += buffer.put(label, x: x, y: 1, style: index == view.rawValue ? Style(bold: true, reverse: true, color: .accent) : .plain) + 1
        }
        let phaseText: String
        if let clock = phaseClock {
            let minutes = abs(clock.secondsLeft) / 60, seconds = abs(clock.secondsLeft) % 60
            let time = String(minutes) + ":" + (seconds < 10 ? "0" : "") + String(seconds)
            phaseText = FacilitatorStrings.fill(words.phase, ["n": String(state.phaseIndex + 1), "total": String(agenda.count), "name": phaseName(clock.phase.id)])
                + " · " + FacilitatorStrings.fill(clock.secondsLeft >= 0 ? words.left : words.over, ["time": time])
        } else {
            phaseText = FacilitatorStrings.fill(words.phase, ["n": "–", "total": String(agenda.count), "name": words.notStarted])
        }
        buffer.put(phaseText, x: size.width - 1 - DisplayWidth.of(phaseText), y: 0, style: .selected)
        let secondsLeft = phaseClock?.secondsLeft ?? 1
        buffer.restyle(x: size.width - 1 - DisplayWidth.of(phaseText), y: 0, width: DisplayWidth.of(phaseText),
                       style: Style(bold: true, reverse: true, color: secondsLeft < 0 ? .bad : nil))
    }

    private func dashboard(_ buffer: inout CellBuffer) {
        var y = 3
        if rows.isEmpty {
            buffer.put(FacilitatorStrings.fill(words.noParticipants, ["dir": folder]), x: 2, y: y, limit: size.width - 4)
            y += 2
        } else {
            let nameWidth = max(14, size.width - 64)
            let header = DisplayWidth.pad(words.participant, to: nameWidth) + " " + DisplayWidth.pad(words.department, to: 18) + " "
                + DisplayWidth.pad(words.progress, to: 20) + " " + DisplayWidth.pad(words.lastActivity, to: 6) + " " + words.done
            buffer.put(header, x: 2, y: y, style: .strong, limit: size.width - 4)
            y += 1
            let room = size.height - y - 4 - departments.count
            let first = min(scroll, max(0, rows.count - room))
            for row in rows.dropFirst(first).prefix(max(0, room)) {
                var x = 2
                x += buffer.put(DisplayWidth.pad(row.name, to: nameWidth), x: x, y: y) + 1
                x += buffer.put(DisplayWidth.pad(moduleTitle(row.department), to: 18), x: x, y: y) + 1
                ProgressBar(done: row.answered, total: row.visible).render(into: &buffer, x: x, y: y, width: 12)
                buffer.put(DisplayWidth.padLeft("\(row.answered)/\(row.visible)", to: 7), x: x + 12, y: y)
                x += 21
                x += buffer.put(DisplayWidth.pad(String(row.lastActivity.description.dropFirst(11).prefix(5)), to: 6), x: x, y: y, style: .muted) + 1
                buffer.put(row.done ? "✓" : "·", x: x + 1, y: y, style: Style(bold: row.done, color: row.done ? .good : nil))
                y += 1
            }
            y += 1
            for department in departments {
                let total = departmentTotals[department] ?? DepartmentTotal()
                let label = "\(moduleTitle(department)): \(total.members), \(total.done) \(words.done.lowercased())"
                buffer.put(DisplayWidth.pad(label, to: 40), x: 2, y: y, limit: size.width - 4)
                ProgressBar(done: total.answered, total: max(1, total.visible)).render(into: &buffer, x: 44, y: y, width: 20)
                y += 1
            }
        }
        if skippedFiles > 0 {
            buffer.put(FacilitatorStrings.fill(words.skippedFiles, ["count": String(skippedFiles)]), x: 2, y: size.height - 3,
                       style: Style(color: .warning), limit: size.width - 4)
        }
    }

    private func agendaView(_ buffer: inout CellBuffer) {
        var y = 3
        for (index, phase) in agenda.enumerated() {
            let current = state.phaseStarted != nil && index == state.phaseIndex
            let past = state.phaseStarted != nil && index < state.phaseIndex
            let mark = current ? "▶" : past ? "✓" : " "
            buffer.put("\(mark) \(index + 1). \(phaseName(phase.id))", x: 2, y: y, style: current ? .strong : past ? .muted : .plain)
            buffer.put("\(phase.minutes) min", x: 30, y: y, style: .muted)
            if current, let clock = phaseClock {
                let total = phase.minutes * 60
                ProgressBar(done: max(0, total - max(0, clock.secondsLeft)), total: total).render(into: &buffer, x: 40, y: y, width: 24)
            }
            y += 1
        }
        y += 1
        y += buffer.wrap(state.revealed ? "✓ " + words.revealed : words.hidden, x: 2, y: y, width: size.width - 4, maxLines: 2,
                         style: state.revealed ? Style(color: .good) : .muted)
        y += 1
        buffer.put(FacilitatorStrings.fill(words.dotsPerParticipant, ["count": String(state.votesPerParticipant)]) + "   (+ / -)",
                   x: 2, y: y, style: .strong, limit: size.width - 4)
    }

    private func results(_ buffer: inout CellBuffer) {
        var x = 2
        for (index, name) in words.resultViews.enumerated() {
            x += buffer.put(" \(name) ", x: x, y: 3, style: index == resultView.rawValue ? .selected : .muted) + 1
        }
        guard state.revealed, let document else {
            buffer.wrap(words.hidden, x: 2, y: 5, width: size.width - 4, maxLines: 3, style: .muted)
            return
        }
        if let drillItem {
            drillDown(&buffer, document, drillItem)
            return
        }
        let lines: [(String, Style)]
        switch resultView {
        case .heatMap: lines = heatMap(document)
        case .rankedGaps: lines = rankedGaps(document)
        case .disagreements: lines = disagreements(document)
        case .perception: lines = perception(document)
        }
        let room = size.height - 8
        let selectable = resultView.listsItems
        let first = selectable ? ListView(rows: lines.map(\.0), selection: resultSelection).firstVisible(height: room)
            : min(scroll, max(0, lines.count - room))
        for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
            let selected = selectable && first + offset == resultSelection
            buffer.put(line.0, x: 2, y: 5 + offset, style: selected ? .selected : line.1, limit: size.width - 4)
        }
    }

    /// One item in detail: its numbers, how the room answered, each department's view, comments.
    private func drillDown(_ buffer: inout CellBuffer, _ document: ReportDocument, _ id: ItemID) {
        guard let score = document.scores.item(id) else { return }
        var y = 5
        y += buffer.wrap(document.moduleTitle(score.module) + " · " + document.prompt(id), x: 2, y: y, width: size.width - 4, maxLines: 2, style: .strong)
        y += 1
        let flags = [score.disagreement ? words.drillDisagreement : nil, score.lowConfidence ? words.drillLowConfidence : nil].compactMap { $0 }
        buffer.put("n \(score.n) · \(number(score.current)) → \(number(score.target)) · Δ \(number(score.gap)) · σ \(number(score.spread))"
                   + " · \(words.drillPriority) \(number(score.priority))" + (flags.isEmpty ? "" : " · " + flags.joined(separator: ", ")),
                   x: 2, y: y, style: heat(score.gap), limit: size.width - 4)
        y += 2
        let most = max(1, (score.currentHistogram + score.targetHistogram).max() ?? 1)
        let barWidth = max(10, (size.width - 30) / 2)
        for stage in 1...4 {
            let name = MaturityStage(rawValue: stage)?.name.resolved(in: language) ?? ""
            let now = score.currentHistogram[stage - 1], goal = score.targetHistogram[stage - 1]
            buffer.put("\(stage) " + DisplayWidth.pad(name, to: 10), x: 2, y: y, limit: 14)
            buffer.put(String(repeating: "█", count: now * barWidth / most) + " \(now)", x: 16, y: y, style: Style(color: .current))
            buffer.put(String(repeating: "▒", count: goal * barWidth / most) + " \(goal)", x: 16 + barWidth + 4, y: y, style: Style(color: .target))
            y += 1
        }
        buffer.put("█ " + words.drillCurrent + "   ▒ " + words.drillTarget + "   " + words.drillDontKnow
                   + " \(score.dontKnowCurrent)/\(score.dontKnowTarget)", x: 16, y: y, style: .muted, limit: size.width - 18)
        y += 2
        if !score.byDepartment.isEmpty {
            let views = score.byDepartment.filter { $0.n > 0 }.map { "\(moduleTitle($0.department)) \(number($0.current)) (\($0.n))" }
            y += buffer.wrap(views.joined(separator: " · "), x: 2, y: y, width: size.width - 4, maxLines: 2)
            y += 1
        }
        for comment in document.comments(on: id) where y < size.height - 3 {
            y += buffer.wrap("– [\(moduleTitle(comment.department))] " + comment.text, x: 2, y: y, width: size.width - 4, maxLines: 2, style: .muted)
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

    private func heatMap(_ document: ReportDocument) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        let labelWidth = size.width - 4 - 30
        for module in document.scores.modules {
            let level = module.level
            lines.append((DisplayWidth.pad(document.moduleTitle(module.module), to: labelWidth) + "  \(number(level.current)) → \(number(level.target))  Δ \(number(level.gap))",
                          Style(bold: true, color: .accent)))
            for dimension in module.dimensions {
                let cells = "\(number(dimension.level.current)) → \(number(dimension.level.target))  Δ \(number(dimension.level.gap))"
                lines.append(("  " + DisplayWidth.pad(document.dimensionTitle(module: module.module, dimension: dimension.dimension), to: labelWidth - 2)
                              + "  " + cells + "  " + String(repeating: "█", count: Int(((dimension.level.gap ?? 0) * 4).rounded()).clamped(0, 8)),
                              heat(dimension.level.gap)))
            }
            lines.append(("", .plain))
        }
        return lines
    }

    private func rankedGaps(_ document: ReportDocument) -> [(String, Style)] {
        resultItems.compactMap(document.scores.item).enumerated().map { index, item in
            let votes = document.scores.votes[item.item] ?? 0
            let numbers = "  \(number(item.current)) → \(number(item.target))  " + DisplayWidth.padLeft(votes > 0 ? "●\(votes)" : "", to: 4)
            let lead = DisplayWidth.padLeft("\(index + 1).", to: 4) + " " + number(item.priority) + "  "
            let label = document.moduleTitle(item.module) + " · " + document.prompt(item.item)
            return (lead + DisplayWidth.pad(label, to: size.width - 4 - DisplayWidth.of(lead) - DisplayWidth.of(numbers)) + numbers,
                    heat(item.gap))
        }
    }

    private func disagreements(_ document: ReportDocument) -> [(String, Style)] {
        document.scores.disagreements.map { item in
            let numbers = "  \(item.minimum ?? 0)–\(item.maximum ?? 0)  σ \(number(item.spread))"
            let label = document.moduleTitle(item.module) + " · " + document.prompt(item.item)
            return (DisplayWidth.pad(label, to: size.width - 4 - DisplayWidth.of(numbers)) + numbers, Style(color: .warning))
        }
    }

    private func perception(_ document: ReportDocument) -> [(String, Style)] {
        let columnWidth = 9
        let labelWidth = size.width - 4 - (departments.count + 1) * (columnWidth + 1)
        var header = DisplayWidth.pad("", to: labelWidth)
        for department in departments { header += " " + DisplayWidth.padLeft(DisplayWidth.truncate(moduleTitle(department), to: columnWidth), to: columnWidth) }
        header += " " + DisplayWidth.padLeft("Δ", to: columnWidth)
        var lines: [(String, Style)] = [(header, .strong)]
        for row in document.scores.perceptionMatrix {
            var line = DisplayWidth.pad(document.dimensionTitle(module: row.module, dimension: row.dimension), to: labelWidth)
            for department in departments {
                line += " " + DisplayWidth.padLeft(number(row.means.first { $0.department == department }?.mean), to: columnWidth)
            }
            line += " " + DisplayWidth.padLeft(number(row.gap) + (row.flagged ? " !" : ""), to: columnWidth)
            lines.append((line, row.flagged ? Style(bold: true, color: .bad) : .plain))
        }
        return lines
    }

    private func report(_ buffer: inout CellBuffer) {
        guard state.revealed, document != nil else {
            buffer.wrap(words.hidden, x: 2, y: 3, width: size.width - 4, maxLines: 3, style: .muted)
            return
        }
        guard !reportText.isEmpty else {
            buffer.put(words.preparingReport, x: 2, y: 3, style: .muted, limit: size.width - 4)
            return
        }
        let lines = reportText
        let room = size.height - 5
        let first = min(scroll, max(0, lines.count - room))
        for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
            buffer.put(line, x: 1, y: 3 + offset, limit: size.width - 2)
        }
    }
}

extension FacilitatorApp {
    /// The goals: a list, or the form for one.
    fileprivate func goals(_ buffer: inout CellBuffer) {
        buffer.put(words.goalsTitle, x: 2, y: 3, style: Style(bold: true, color: .accent))
        if let form = goalForm {
            let labelWidth = min(34, words.goalFields.map { DisplayWidth.of($0) }.max() ?? 10)
            for (field, label) in zip(GoalForm.Field.allCases, words.goalFields) {
                let y = 5 + field.rawValue * 2
                buffer.put(label + ":", x: 2, y: y, style: field == form.focus ? .strong : .plain, limit: labelWidth + 1)
                form[field].render(into: &buffer, x: labelWidth + 4, y: y, width: size.width - labelWidth - 6,
                                   focused: field == form.focus, style: Style(underline: true))
            }
            return
        }
        guard !state.goals.isEmpty else {
            buffer.wrap(words.noGoals, x: 2, y: 5, width: size.width - 4, maxLines: 2, style: .muted)
            return
        }
        // Three lines a goal, from line 5 to above the message line; the list scrolls so the
        // selected goal is always on screen.
        let capacity = max(1, (size.height - 4 - 5 + 2) / 3)
        let first = max(0, min(goalSelection - capacity + 1, state.goals.count - capacity))
        if first > 0 { buffer.put("↑ \(first)", x: size.width - 8, y: 3, style: .muted) }
        let hiddenBelow = state.goals.count - first - capacity
        if hiddenBelow > 0 { buffer.put("↓ \(hiddenBelow)", x: size.width - 8, y: size.height - 4, style: .muted) }
        for (offset, (index, goal)) in state.goals.enumerated().dropFirst(first).prefix(capacity).enumerated() {
            let y = 5 + offset * 3
            let selected = index == goalSelection
            buffer.put(DisplayWidth.pad("\(index + 1). " + goal.statement, to: size.width - 4), x: 2, y: y,
                       style: selected ? .selected : .strong, limit: size.width - 4)
            let details = [goal.kpi.isEmpty ? nil : "\(goal.kpi): \(goal.baseline) → \(goal.target)",
                           goal.owner.isEmpty ? nil : goal.owner, goal.due.isEmpty ? nil : goal.due,
                           goal.links.isEmpty ? nil : goal.links.joined(separator: ", ")].compactMap { $0 }
            buffer.put("   " + details.joined(separator: " · "), x: 2, y: y + 1, style: .muted, limit: size.width - 4)
        }
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}
