package it.registro.domain.session;

import java.util.LinkedHashMap;
import java.util.Map;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;
import it.registro.domain.session.api.ItemKind;

/**
 * The agenda of a sitting: its items by number, each with its kind and whether it was withdrawn, and the
 * rules of what may happen to an item (added once, withdrawn once, voted only if votable and standing).
 * Changed only by the session's event handlers.
 */
final class Agenda {

    record Item(int itemNo, ItemKind kind, boolean withdrawn, String minutesOf) {
    }

    private final Map<Integer, Item> items = new LinkedHashMap<>();

    Verdict mayAdd(int itemNo) {
        return items.containsKey(itemNo)
                ? Verdict.rejected(Rejection.conflict("DUPLICATE_ITEM", "itemNo", "Item " + itemNo + " is on the agenda"))
                : Verdict.allowed();
    }

    /** The item, or the refusal of a command that names an item not on the agenda. */
    Item item(int itemNo) {
        Item item = items.get(itemNo);
        if (item == null) {
            throw new CommandRejectedException(Rejection.invalid("ITEM_NOT_ON_AGENDA", "itemNo", "Item " + itemNo + " is not on the agenda"));
        }
        return item;
    }

    Verdict mayWithdraw(int itemNo) {
        return item(itemNo).withdrawn()
                ? Verdict.rejected(Rejection.conflict("ITEM_WITHDRAWN", "itemNo", "Item " + itemNo + " is already withdrawn"))
                : Verdict.allowed();
    }

    /** An item that may be decided on: on the agenda, not for information only, not withdrawn. */
    Item votable(int itemNo) {
        Item item = item(itemNo);
        if (item.kind() == ItemKind.INFORMATION) {
            throw new CommandRejectedException(Rejection.invalid("ITEM_NOT_VOTABLE", "itemNo", "Item " + itemNo + " is for information only"));
        }
        if (item.withdrawn()) {
            throw new CommandRejectedException(Rejection.invalid("ITEM_WITHDRAWN", "itemNo", "Item " + itemNo + " was withdrawn"));
        }
        return item;
    }

    // ------------------------------------------------------------------ applied by the event handlers

    void added(int itemNo, ItemKind kind, String minutesOf) {
        items.put(itemNo, new Item(itemNo, kind, false, minutesOf));
    }

    void withdrawn(int itemNo) {
        Item item = items.get(itemNo);
        items.put(itemNo, new Item(itemNo, item.kind(), true, item.minutesOf()));
    }
}
