package it.registro.domain.poas.api;

/**
 * How a unit follows another when the change closed one unit and opened another: UPGRADE (e.g. SSD →
 * SC), DOWNGRADE, MERGER, SPLIT, MOVE (re-created under another parent or presidio), RENAME (re-created
 * under a new name), REPLACEMENT. A unit that keeps its identity is moved or renamed instead
 * ({@link MoveUnit}, {@link RenameUnit}).
 */
public enum SuccessionKind {
    UPGRADE,
    DOWNGRADE,
    MERGER,
    SPLIT,
    MOVE,
    RENAME,
    REPLACEMENT
}
