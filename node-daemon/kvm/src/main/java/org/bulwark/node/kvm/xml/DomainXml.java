package org.bulwark.node.kvm.xml;

import static org.bulwark.node.kvm.xml.SafeXml.child;
import static org.bulwark.node.kvm.xml.SafeXml.children;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A libvirt domain definition ({@code <domain>} XML), read safely, with the edits an import needs.
 * Tags live in the domain's {@code <metadata>} as
 * {@code <bulwark:tags xmlns:bulwark="https://bulwark.org/xmlns/libvirt/tags/1"><bulwark:tag>prod</bulwark:tag></bulwark:tags>}.
 */
public final class DomainXml {
    /** The namespace of Bulwark's element inside a domain's {@code <metadata>}. */
    public static final String TAGS_NAMESPACE = "https://bulwark.org/xmlns/libvirt/tags/1";

    private final Document document;
    private final Element root;

    private DomainXml(Document document) {
        this.document = document;
        this.root = document.getDocumentElement();
    }

    /** Parses a domain definition; anything but a {@code <domain>} document is refused. */
    public static DomainXml parse(String xml) {
        Document document = SafeXml.parse(xml);
        if (!"domain".equals(document.getDocumentElement().getTagName())) {
            throw new IllegalArgumentException("not a libvirt domain definition: root element <"
                    + document.getDocumentElement().getTagName() + ">");
        }
        return new DomainXml(document);
    }

    public String name() {
        return SafeXml.childText(root, "name");
    }

    public Optional<UUID> uuid() {
        return child(root, "uuid").map(e -> UUID.fromString(e.getTextContent().strip()));
    }

    /** The disks in document order, removable media included. */
    public List<DiskDefinition> disks() {
        List<DiskDefinition> disks = new ArrayList<>();
        for (Element disk : diskElements()) {
            String target = child(disk, "target").map(t -> t.getAttribute("dev")).orElse("");
            String type = disk.getAttribute("type");
            String source = child(disk, "source").map(s -> firstNonEmpty(
                    s.getAttribute("file"), s.getAttribute("dev"), s.getAttribute("name"),
                    s.getAttribute("volume"))).orElse("");
            String format = child(disk, "driver").map(d -> d.getAttribute("type")).orElse("");
            String device = disk.getAttribute("device").isEmpty() ? "disk" : disk.getAttribute("device");
            disks.add(new DiskDefinition(target, device, type.isEmpty() ? "file" : type, source, format));
        }
        return disks;
    }

    /** The tags from Bulwark's metadata element, in document order. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        child(root, "metadata").ifPresent(metadata -> {
            var elements = metadata.getElementsByTagNameNS(TAGS_NAMESPACE, "tag");
            for (int i = 0; i < elements.getLength(); i++) {
                String tag = elements.item(i).getTextContent().strip();
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
        });
        return tags;
    }

    public void setName(String name) {
        requiredChild(root, "name").setTextContent(name);
    }

    public void setUuid(UUID uuid) {
        child(root, "uuid").orElseGet(() -> {
            Element created = document.createElement("uuid");
            root.insertBefore(created, requiredChild(root, "name").getNextSibling());
            return created;
        }).setTextContent(uuid.toString());
    }

    /** Gives every network interface a new MAC address from {@code newAddress}; returns how many changed. */
    public int replaceMacAddresses(Supplier<String> newAddress) {
        int changed = 0;
        for (Element iface : children(devices(), "interface")) {
            Element mac = child(iface, "mac").orElseGet(() -> {
                Element created = document.createElement("mac");
                iface.insertBefore(created, iface.getFirstChild());
                return created;
            });
            mac.setAttribute("address", newAddress.get());
            changed++;
        }
        return changed;
    }

    /**
     * Points the disk {@code target} at the image file {@code file} of format {@code format}: the
     * source becomes a plain file and any backing chain is dropped (a restored image is flat).
     */
    public void relocateDisk(String target, Path file, String format) {
        Element disk = diskElements().stream()
                .filter(d -> child(d, "target").map(t -> t.getAttribute("dev").equals(target)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no disk " + target + " in domain " + name()));
        disk.setAttribute("type", "file");
        child(disk, "source").ifPresent(disk::removeChild);
        child(disk, "backingStore").ifPresent(disk::removeChild);
        Element source = document.createElement("source");
        source.setAttribute("file", file.toString());
        Element driver = child(disk, "driver").orElseGet(() -> {
            Element created = document.createElement("driver");
            created.setAttribute("name", "qemu");
            disk.insertBefore(created, disk.getFirstChild());
            return created;
        });
        driver.setAttribute("type", format);
        disk.insertBefore(source, driver.getNextSibling());
    }

    /** Empties CD-ROM and floppy drives: their media are host files that a restore does not carry. */
    public void ejectRemovableMedia() {
        for (Element disk : diskElements()) {
            String device = disk.getAttribute("device");
            if (device.equals("cdrom") || device.equals("floppy")) {
                child(disk, "source").ifPresent(disk::removeChild);
                child(disk, "backingStore").ifPresent(disk::removeChild);
            }
        }
    }

    public String toXml() {
        return SafeXml.write(document);
    }

    private List<Element> diskElements() {
        return children(devices(), "disk");
    }

    private Element devices() {
        return requiredChild(root, "devices");
    }

    private Element requiredChild(Element parent, String name) {
        return child(parent, name).orElseThrow(() -> new IllegalArgumentException(
                "domain definition lacks <" + name + "> in <" + parent.getTagName() + ">"));
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
