package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.bulwark.api.Role;
import org.bulwark.server.user.UserAccount;
import org.bulwark.server.user.UserStore;

/** Users in table {@code users}. */
public final class JpaUserStore implements UserStore {
    private final Jpa jpa;

    public JpaUserStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jpa.read(em -> Optional.ofNullable(em.find(UserEntity.class, username)).map(UserEntity::toAccount));
    }

    @Override
    public List<UserAccount> list() {
        return jpa.read(em -> em.createQuery("select u from UserEntity u order by u.username", UserEntity.class)
                .getResultStream().map(UserEntity::toAccount).toList());
    }

    @Override
    public boolean insert(UserAccount account) {
        try {
            return jpa.write(em -> {
                if (em.find(UserEntity.class, account.username()) != null) {
                    return false;
                }
                em.persist(new UserEntity(account));
                return true;
            });
        } catch (PersistenceException e) {
            if (find(account.username()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String username) {
        return jpa.write(em -> em.createQuery("delete from UserEntity u where u.username = :name")
                .setParameter("name", username).executeUpdate() > 0);
    }

    @Override
    public void updatePasswordHash(String username, String passwordHash) {
        jpa.write(em -> em.createQuery("update UserEntity u set u.passwordHash = :hash where u.username = :name")
                .setParameter("hash", passwordHash).setParameter("name", username).executeUpdate());
    }

    @Override
    public long countByRole(Role role) {
        return jpa.read(em -> em.createQuery("select count(u) from UserEntity u where u.role = :role", Long.class)
                .setParameter("role", role.name()).getSingleResult());
    }
}
