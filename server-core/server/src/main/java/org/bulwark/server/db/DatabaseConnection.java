package org.bulwark.server.db;

/** How to reach the database over JDBC. */
public record DatabaseConnection(String url, String user, String password) {
    @Override
    public String toString() {
        return "DatabaseConnection[url=" + url + ", user=" + user + ", password=***]";
    }
}
