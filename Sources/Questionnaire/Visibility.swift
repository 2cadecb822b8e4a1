extension QuestionnaireModule {
    /// The items a participant with these answers is asked, in order.
    ///
    /// An item is visible when it has no condition, or when the item its condition names is
    /// itself visible and the condition holds. Conditions only point backwards (the loader
    /// enforces it), so one pass in order settles every item, chains included.
    public func visibleItems(given answers: [ItemID: Answer]) -> [Item] {
        var visible: Set<ItemID> = []
        var result: [Item] = []
        for item in items where isVisible(item, visible: visible, answers: answers) {
            visible.insert(item.id)
            result.append(item)
        }
        return result
    }

    /// The ids of the visible items; see `visibleItems(given:)`.
    public func visibleItemIDs(given answers: [ItemID: Answer]) -> Set<ItemID> {
        Set(visibleItems(given: answers).map(\.id))
    }

    private func isVisible(_ item: Item, visible: Set<ItemID>, answers: [ItemID: Answer]) -> Bool {
        guard let condition = item.condition else { return true }
        return visible.contains(condition.itemID) && condition.isSatisfied(by: answers[condition.itemID])
    }
}
