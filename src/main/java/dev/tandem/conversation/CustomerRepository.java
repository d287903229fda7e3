package dev.tandem.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> findById(UUID id) {
        return jdbc.sql("select * from customer where id = ?").param(id).query(CustomerRepository::customer).optional();
    }

    Optional<Customer> findByExternalId(String externalId) {
        return jdbc.sql("select * from customer where external_id = ? order by created_at").param(externalId)
            .query(CustomerRepository::customer).list().stream().findFirst();
    }

    Optional<Customer> findByEmail(String email) {
        return jdbc.sql("select * from customer where email = ? order by created_at").param(email)
            .query(CustomerRepository::customer).list().stream().findFirst();
    }

    void insert(Customer customer) {
        jdbc.sql("insert into customer (id, name, email, external_id, created_at) values (?, ?, ?, ?, ?)")
            .params(customer.id(), customer.name(), customer.email(), customer.externalId(),
                    Timestamp.from(customer.createdAt()))
            .update();
    }

    void update(Customer customer) {
        jdbc.sql("update customer set name = ?, email = ?, external_id = ? where id = ?")
            .params(customer.name(), customer.email(), customer.externalId(), customer.id())
            .update();
    }

    static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                rs.getString("external_id"), rs.getTimestamp("created_at").toInstant());
    }
}
