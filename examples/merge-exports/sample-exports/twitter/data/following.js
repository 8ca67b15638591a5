window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "4412908733",
      "userLink" : "https://twitter.com/intent/user?user_id=4412908733"
    }
  },
  {
    "following" : {
      "accountId" : "1587345120987654144",
      "userLink" : "https://twitter.com/intent/user?user_id=1587345120987654144"
    }
  },
  {
    "following" : {
      "accountId" : "981234567",
      "userLink" : "https://twitter.com/intent/user?user_id=981234567"
    }
  },
  {
    "following" : {
      "accountId" : "2873301945",
      "userLink" : "https://twitter.com/intent/user?user_id=2873301945"
    }
  },
  {
    "following" : {
      "accountId" : "1250094817",
      "userLink" : "https://twitter.com/intent/user?user_id=1250094817"
    }
  }
]