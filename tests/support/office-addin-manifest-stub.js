// office-addin-mock imports office-addin-manifest only for its CLI helpers; tests never use them.
module.exports = {};
