/** The DB-backed assigner's own timeline lines (hand-back from away or offline agents). */
export const assigner = {
  'assigner.event.handedBack': 'Returned to the queue: {agent} has been {status} for more than {minutes} minutes while the customer waited.',
  'assigner.status.away': 'away',
  'assigner.status.offline': 'offline',
};
