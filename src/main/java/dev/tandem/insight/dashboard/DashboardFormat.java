package dev.tandem.insight.dashboard;

import org.springframework.stereotype.Component;

/** Durations as people read them on the dashboard page ({@code @dashboardFormat} in the template). */
@Component("dashboardFormat")
public class DashboardFormat {

    public String duration(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        if (s < 86_400) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return (s / 86_400) + " d " + (s % 86_400 / 3600) + " h";
    }
}
