package org.bulwark.console.m365.model;

import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bulwark.api.M365Item;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.console.model.ConsoleSession;

/**
 * What one restore point of a tenant holds, read through the server on demand: mailboxes →
 * mail folders → messages, drives → folders → files, search results, and the content of
 * messages ({@code .eml}), files and folders (zip). Every method calls the server: never on
 * the UI thread.
 */
public final class RestorePointContent {
    public static final String MAILBOX = "mailbox";
    public static final String MAIL_FOLDER = "mailFolder";
    public static final String MESSAGE = "message";
    public static final String DRIVE = "drive";
    public static final String FOLDER = "folder";
    public static final String FILE = "file";

    private final ConsoleSession session;
    private final UUID tenant;
    private final long point;

    public RestorePointContent(ConsoleSession session, UUID tenant, long point) {
        this.session = session;
        this.tenant = tenant;
        this.point = point;
    }

    /** The restore point's run id. */
    public long point() {
        return point;
    }

    /** Whether {@code element} (a {@link Section} or an {@link M365Item}) has children to list. */
    public static boolean isContainer(Object element) {
        return element instanceof Section || element instanceof M365Item item && switch (item.kind()) {
            case MAILBOX, MAIL_FOLDER, DRIVE, FOLDER -> true;
            default -> false;
        };
    }

    /** The children of a {@link Section} or a container item, folders first, then by name. */
    public List<M365Item> children(Object element) {
        List<M365Item> children = call(tenants -> switch (element) {
            case Section section -> switch (section.kind()) {
                case MAIL -> tenants.mailboxes(tenant, point);
                case FILES -> tenants.drives(tenant, point);
                case SEARCH -> tenants.search(tenant, point, section.text());
            };
            case M365Item item -> switch (item.kind()) {
                case MAILBOX -> tenants.mailFolders(tenant, point, item.id());
                case MAIL_FOLDER -> tenants.messages(tenant, point, item.owner(), item.id());
                case DRIVE -> tenants.children(tenant, point, item.id(), null);
                case FOLDER -> tenants.children(tenant, point, item.owner(), item.id());
                default -> List.<M365Item>of();
            };
            default -> List.<M365Item>of();
        });
        return children.stream().sorted(Comparator.comparing((M365Item item) -> !isContainer(item))
                .thenComparing(M365Item::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** A message's MIME content. */
    public InputStream eml(M365Item message) {
        return call(tenants -> tenants.eml(tenant, point, message.owner(), message.id()));
    }

    /** A file's content. */
    public InputStream file(M365Item file) {
        return call(tenants -> tenants.file(tenant, point, file.owner(), file.id()));
    }

    /** A drive folder and everything under it, as a zip. */
    public InputStream zip(M365Item folder) {
        return call(tenants -> tenants.zip(tenant, point, folder.owner(), folder.id()));
    }

    private <T> T call(Function<TenantResource, T> call) {
        return session.call(client -> call.apply(client.resource(TenantResource.class)));
    }
}
