export default defineBackground(() => {
  // Wiring arrives with the CRM client, cache and messaging.
});
