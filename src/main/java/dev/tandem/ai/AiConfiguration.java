package dev.tandem.ai;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    /**
     * Readiness waits for the model, so it starts loading as soon as the bean exists, on a worker beside the
     * context refresh (which keeps the main thread on one core), not after the application is ready.
     */
    @Bean
    Embeddings embeddings(AiProperties properties) {
        Embeddings embeddings = Embeddings.bundledModel();
        if (properties.warmUp()) {
            embeddings.warmUp();
        }
        return embeddings;
    }

    @Bean(LowPriority.EXECUTOR)
    ThreadPoolTaskExecutor lowPriorityModelWork() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("model-analysis-");
        executor.setThreadFactory(work -> {
            Thread thread = new Thread(() -> {
                CpuPriority.lowerCurrentThread(CpuPriority.ANALYSIS);
                work.run();
            }, "model-analysis");
            thread.setDaemon(true);
            return thread;
        });
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        // about a minute of messages at 200/s: beyond it, work waits in the event publication registry
        executor.setQueueCapacity(10_000);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean(destroyMethod = "close")
    ChatModels chatModels(ChatProperties properties, dev.tandem.egress.EgressPolicy egress) {
        if (properties.enabled()) {
            // refuses to start with a model URL on an internal address nobody allowed (tandem.egress.*)
            egress.check(properties.baseUrl(), "tandem.ai.chat.base-url");
        }
        return new ChatModels(properties);
    }

    @Bean
    ChatModelHealth chatModelHealthIndicator(ChatModels chatModels) {
        return new ChatModelHealth(chatModels);
    }

}
