package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.Vm;
import org.bulwark.server.inventory.InventoryStore;

/** Hypervisors and VMs in tables {@code hypervisors} and {@code vms}. */
public final class JpaInventoryStore implements InventoryStore {
    private final Jpa jpa;

    public JpaInventoryStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<Hypervisor> hypervisors() {
        return jpa.read(em -> em.createQuery("select h from HypervisorEntity h order by h.name", HypervisorEntity.class)
                .getResultStream().map(HypervisorEntity::toHypervisor).toList());
    }

    @Override
    public Optional<Hypervisor> hypervisor(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(HypervisorEntity.class, id.toString()))
                .map(HypervisorEntity::toHypervisor));
    }

    @Override
    public boolean insert(Hypervisor hypervisor) {
        try {
            return jpa.write(em -> {
                em.persist(new HypervisorEntity(hypervisor));
                return true;
            });
        } catch (PersistenceException e) {
            if (hypervisors().stream().anyMatch(h -> h.name().equals(hypervisor.name()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(UUID id) {
        return jpa.write(em -> em.createQuery("delete from HypervisorEntity h where h.id = :id")
                .setParameter("id", id.toString()).executeUpdate() > 0);
    }

    @Override
    public void recordSync(UUID hypervisorId, Instant at, String message) {
        jpa.write(em -> em.createQuery("update HypervisorEntity h set h.lastSyncAt = :at, h.lastSyncMessage = :message"
                        + " where h.id = :id")
                .setParameter("at", at).setParameter("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                .setParameter("id", hypervisorId.toString()).executeUpdate());
    }

    @Override
    public List<Vm> vms() {
        return jpa.read(em -> em.createQuery("select v from VmEntity v order by v.name", VmEntity.class)
                .getResultStream().map(VmEntity::toVm).toList());
    }

    @Override
    public List<Vm> vmsOf(UUID hypervisorId) {
        return jpa.read(em -> em.createQuery("select v from VmEntity v where v.hypervisorId = :h order by v.name",
                        VmEntity.class)
                .setParameter("h", hypervisorId.toString()).getResultStream().map(VmEntity::toVm).toList());
    }

    @Override
    public Optional<Vm> vm(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(VmEntity.class, id.toString())).map(VmEntity::toVm));
    }

    @Override
    public void save(Vm vm) {
        jpa.write(em -> em.merge(new VmEntity(vm)));
    }
}
