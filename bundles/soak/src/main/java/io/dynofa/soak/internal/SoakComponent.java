package io.dynofa.soak.internal;

import io.dynofa.headless.internal.OrderlyExit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Runs the soak when the framework property {@value SoakSettings#OUT} names the report's folder (soak.sh sets it),
 * then ends the JVM through {@link OrderlyExit}: status 0 when the gateway served again after every step, 1 when
 * it did not, 2 when the soak could not run. Does nothing otherwise. It references no service, so that cycling
 * the manager or any plug-in never deactivates it; it finds the services through trackers.
 */
@Component(immediate = true, service = {})
public final class SoakComponent {
    private final Thread thread;

    @Activate
    public SoakComponent(BundleContext context) {
        if (context.getProperty(SoakSettings.OUT) == null) {
            thread = null;
            return;
        }
        thread = new Thread(() -> {
            int status;
            try {
                status = new SoakRun(context, SoakSettings.from(context::getProperty)).run();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.getLogger(SoakComponent.class.getName()).log(System.Logger.Level.ERROR, "soak failed", e);
                status = 2;
            }
            OrderlyExit.exit(context, status, "dynofa-soak-exit");
        }, "dynofa-soak");
        thread.start();
    }

    @Deactivate
    void deactivate() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
