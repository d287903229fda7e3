package dev.tandem.workspace;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live updates of the workspace ({@code tandem.workspace.*}).
 *
 * @param streamTimeout how long one event stream stays open; the browser then reconnects and catches up
 * @param heartbeat how often an idle stream gets a comment, so that proxies do not cut it
 * @param inboxRefresh at most one "inbox changed" event per stream in this interval, however busy it is
 */
@ConfigurationProperties("tandem.workspace")
record WorkspaceProperties(@DefaultValue("PT15M") Duration streamTimeout, @DefaultValue("PT25S") Duration heartbeat,
        @DefaultValue("PT1S") Duration inboxRefresh) {
}
