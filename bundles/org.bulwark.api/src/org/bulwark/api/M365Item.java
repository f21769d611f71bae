package org.bulwark.api;

/**
 * An entry of a tenant's backup as browsed: a mailbox, drive or team ({@code kind} {@code mailbox},
 * {@code drive}, {@code team}: only {@code id}, {@code kind}, {@code name}), or an item version
 * ({@code mailFolder}, {@code message}, {@code folder}, {@code file}, {@code channel}, {@code channelMessage},
 * {@code calendar}, {@code event}, {@code contactFolder}, {@code contact}).
 *
 * @param owner mailbox (user id), drive id or team id of an item
 * @param name subject, file or folder name; the name of a mailbox, drive or team
 * @param sender sender address of a message, organizer of an event, first e-mail address of a contact ("" for others)
 * @param modified received or modified time, start of an event, epoch milliseconds
 * @param size content size in bytes
 */
public record M365Item(String owner, String kind, String id, String parent, String name, String sender, long modified,
                       long size) {
}
