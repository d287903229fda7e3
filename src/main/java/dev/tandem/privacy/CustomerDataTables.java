package dev.tandem.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The tables of one module that hold a customer's data, declared by the module that owns them (a {@code @Bean} of this
 * type). The privacy operations export, erase and retire exactly what the modules declare here; a module that stores
 * anything about a customer or their conversations adds its tables, so that nothing is forgotten by an erasure.
 *
 * @param module the declaring module, the export's section name
 * @param tables its tables
 */
public record CustomerDataTables(String module, List<Table> tables) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public CustomerDataTables {
        tables = List.copyOf(tables);
    }

    /** How a table's rows belong to a customer. */
    public enum Key {
        /** {@code column} holds the id of one of the customer's conversations */
        CONVERSATION,
        /** the conversation table itself: {@code id} is the conversation, {@code column} holds the customer's id */
        CONVERSATIONS,
        /** the customer table itself: {@code column} is its id */
        CUSTOMERS,
        /** {@code column} holds an e-mail address of the customer */
        EMAIL
    }

    /**
     * @param name the table
     * @param key how its rows belong to a customer
     * @param column the column the key is read from
     * @param emailColumns columns that hold the customer's e-mail addresses (to find a customer by e-mail)
     * @param timeColumn when the row's data was last added to (retention, for {@link Key#CONVERSATIONS} and
     *     {@link Key#EMAIL}); null when the table follows its conversations
     * @param anonymise the SQL {@code set} clause that removes the personal data from a row and keeps the rest
     *     (counts, timings, outcomes) for analytics; null when anonymising deletes the row
     */
    public record Table(String name, Key key, String column, List<String> emailColumns, String timeColumn,
            String anonymise) {

        /** {@code anonymise} for a table without personal data: its rows stay as they are. */
        public static final String KEEP = "";

        public Table {
            emailColumns = List.copyOf(emailColumns);
            for (String identifier : concat(List.of(name, column), emailColumns)) {
                check(identifier);
            }
            if (timeColumn != null) {
                check(timeColumn);
            }
        }

        /** Rows of the customer's conversations, anonymised with {@code anonymise} (null: deleted). */
        public static Table ofConversations(String name, String conversationColumn, String anonymise) {
            return new Table(name, Key.CONVERSATION, conversationColumn, List.of(), null, anonymise);
        }

        private static List<String> concat(List<String> a, List<String> b) {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private static void check(String identifier) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("Not a plain SQL identifier: " + identifier);
            }
        }
    }
}
