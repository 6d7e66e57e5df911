package io.opsflow.metrics.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

/**
 * The deployment–incident links (V34): an incident of the deployment's service opened in its
 * verification window [deployed_at, deployed_at + verification_minutes), the definition of
 * {@code io.opsflow.metrics.Figures}. Each statement links what is there now and skips what is
 * linked already, so running it again (a retry, a second event) changes nothing.
 */
@Mapper
public interface DeploymentIncidentMapper {

  /** Links the incident to the deployments whose window it opened in. */
  @Insert("""
      INSERT INTO deployment_incident (change_key, incident_key, service_key, deployed_at)
      SELECT c.change_key, i.incident_key, c.service_key, c.deployed_at
      FROM incident i JOIN change_request c ON c.service_key = i.service_key AND c.deployed_at <= i.opened_at
        AND i.opened_at < TIMESTAMPADD(MINUTE, COALESCE(c.verification_minutes, 0), c.deployed_at)
      WHERE i.incident_key = #{incidentKey} AND c.deployment_status IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM deployment_incident d WHERE d.change_key = c.change_key
          AND d.incident_key = i.incident_key)""")
  int linkIncident(String incidentKey);

  /** Links the deployment to the incidents opened in its window so far. */
  @Insert("""
      INSERT INTO deployment_incident (change_key, incident_key, service_key, deployed_at)
      SELECT c.change_key, i.incident_key, c.service_key, c.deployed_at
      FROM change_request c JOIN incident i ON i.service_key = c.service_key AND i.opened_at >= c.deployed_at
        AND i.opened_at < TIMESTAMPADD(MINUTE, COALESCE(c.verification_minutes, 0), c.deployed_at)
      WHERE c.change_key = #{changeKey} AND c.deployment_status IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM deployment_incident d WHERE d.change_key = c.change_key
          AND d.incident_key = i.incident_key)""")
  int linkDeployment(String changeKey);
}
