package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.bulwark.server.m365.StoredTenant;

/** Row of {@code m365_tenants}; the secret column holds only the sealed secret. */
@Entity
@Table(name = "m365_tenants")
class M365TenantEntity {
    @Id
    String id;
    @Column(name = "tenant_id")
    String tenantId;
    @Column(name = "client_id")
    String clientId;
    @Column(name = "sealed_secret")
    String sealedSecret;
    @Column(name = "node_id")
    String nodeId;
    @Column(name = "graph_url")
    String graphUrl;
    @Column(name = "authority_url")
    String authorityUrl;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_discovery")
    String lastDiscovery;

    M365TenantEntity() {
    }

    M365TenantEntity(StoredTenant t) {
        id = t.id().toString();
        tenantId = t.tenantId();
        clientId = t.clientId();
        sealedSecret = t.sealedSecret();
        nodeId = t.nodeId().toString();
        graphUrl = t.graphUrl();
        authorityUrl = t.authorityUrl();
        createdAt = t.createdAt();
        lastDiscovery = t.lastDiscovery() == null ? null : t.lastDiscovery().toString();
    }

    StoredTenant toTenant() {
        return new StoredTenant(UUID.fromString(id), tenantId, clientId, sealedSecret, UUID.fromString(nodeId), graphUrl,
                authorityUrl, createdAt, lastDiscovery == null ? null : UUID.fromString(lastDiscovery));
    }
}
