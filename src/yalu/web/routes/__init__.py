"""The workspace's pages and actions, one module per resource."""
