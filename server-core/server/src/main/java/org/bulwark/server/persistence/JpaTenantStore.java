package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.m365.StoredTenant;
import org.bulwark.server.m365.TenantStore;

/** Microsoft 365 tenants in table {@code m365_tenants}. */
public final class JpaTenantStore implements TenantStore {
    private final Jpa jpa;

    public JpaTenantStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<StoredTenant> list() {
        return jpa.read(em -> em.createQuery("select t from M365TenantEntity t order by t.tenantId", M365TenantEntity.class)
                .getResultStream().map(M365TenantEntity::toTenant).toList());
    }

    @Override
    public Optional<StoredTenant> find(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(M365TenantEntity.class, id.toString())).map(M365TenantEntity::toTenant));
    }

    @Override
    public boolean insert(StoredTenant tenant) {
        try {
            return jpa.write(em -> {
                em.persist(new M365TenantEntity(tenant));
                return true;
            });
        } catch (PersistenceException e) {
            if (list().stream().anyMatch(t -> t.tenantId().equals(tenant.tenantId()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(UUID id) {
        return jpa.write(em -> em.createQuery("delete from M365TenantEntity t where t.id = :id")
                .setParameter("id", id.toString()).executeUpdate() > 0);
    }

    @Override
    public void setLastDiscovery(UUID id, UUID task) {
        jpa.write(em -> em.createQuery("update M365TenantEntity t set t.lastDiscovery = :task where t.id = :id")
                .setParameter("task", task.toString()).setParameter("id", id.toString()).executeUpdate());
    }
}
