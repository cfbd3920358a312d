package it.registro.domain.poas.api;

/** How a unit follows another: UPGRADE (e.g. SSD → SC), DOWNGRADE, MERGER, SPLIT, RENAME, REPLACEMENT. */
public enum SuccessionKind {
    UPGRADE,
    DOWNGRADE,
    MERGER,
    SPLIT,
    RENAME,
    REPLACEMENT
}
