/**
 * The agent workspace: sign-in page, inbox, conversation view and their live updates, rendered
 * with Thymeleaf and htmx. It only reads and drives the {@code conversation} module's use cases;
 * it owns no data.
 */
package dev.tandem.workspace;
